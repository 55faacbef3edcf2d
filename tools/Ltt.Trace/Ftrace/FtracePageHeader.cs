namespace Ltt.Trace.Ftrace;

/// <summary>
/// The layout of one ring-buffer page (<c>events/header_page</c>): a 64-bit timestamp, the
/// commit word (a <c>local_t</c>, so the kernel's long size) whose low bits are the bytes of
/// event data and whose bits 31 and 30 flag missed events and a stored missed count, then the
/// event data.
/// </summary>
public sealed record FtracePageHeader(int TimestampOffset, int CommitOffset, int CommitSize, int DataOffset, int DataSize)
{
    /// <summary>What 64-bit kernels print (x86_64, 4 KiB pages).</summary>
    public static FtracePageHeader Default64 { get; } = new(0, 8, 8, 16, 4080);

    /// <summary>Bytes of one page as <c>trace_pipe_raw</c> hands it out.</summary>
    public int PageSize => DataOffset + DataSize;

    /// <summary>The kernel's <c>sizeof(long)</c>: the size of the commit word and of a stored missed count.</summary>
    public int LongSize => CommitSize;
}
