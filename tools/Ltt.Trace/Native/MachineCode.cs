using System.Runtime.InteropServices;

namespace Ltt.Trace.Native;

/// <summary>
/// The instructions .NET cannot emit, as tiny functions mapped once into an executable page
/// (x86-64 Linux only): reading the TSC in order after earlier loads, and reading the calling
/// thread's rseq <c>cpu_id</c> with one <c>%fs</c>-relative load. Both are called through
/// unmanaged function pointers with <c>SuppressGCTransition</c>: a plain call, no GC frame.
/// </summary>
internal static unsafe class MachineCode
{
    // rdtscp; shl rdx, 32; or rax, rdx; ret
    private static readonly byte[] RdtscpCode = [0x0F, 0x01, 0xF9, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3];

    // mov eax, dword ptr fs:[disp32]; ret (disp32 patched in at offset 4)
    private static readonly byte[] FsLoad32Code = [0x64, 0x8B, 0x04, 0x25, 0x00, 0x00, 0x00, 0x00, 0xC3];

    private const int RseqCpuIdOffset = 64;

    // struct rseq { u32 cpu_id_start; u32 cpu_id; ... }: cpu_id is at byte 4.
    private const int CpuIdInRseq = 4;

    private static readonly (nint Page, bool HasRseq) Mapped = Map();

    /// <summary>TSC read with rdtscp, or null off x86-64 Linux.</summary>
    public static delegate* unmanaged[SuppressGCTransition]<ulong> Rdtscp =>
        Mapped.Page == 0 ? null : (delegate* unmanaged[SuppressGCTransition]<ulong>)Mapped.Page;

    /// <summary>
    /// The calling thread's rseq <c>cpu_id</c> (negative when the thread has no registered rseq
    /// area), or null where glibc does not register rseq (before 2.35, <c>glibc.pthread.rseq=0</c>)
    /// or off x86-64 Linux.
    /// </summary>
    public static delegate* unmanaged[SuppressGCTransition]<int> RseqCpuId =>
        Mapped.HasRseq ? (delegate* unmanaged[SuppressGCTransition]<int>)(Mapped.Page + RseqCpuIdOffset) : null;

    private static (nint, bool) Map()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return (0, false);
        const int protReadWrite = 0x3, protReadExec = 0x5, mapPrivateAnonymous = 0x22;
        nint page = LibC.Mmap(0, 4096, protReadWrite, mapPrivateAnonymous, -1, 0);
        if (page == -1)
            return (0, false);
        RdtscpCode.CopyTo(new Span<byte>((void*)page, RdtscpCode.Length));
        long rseq = FindRseqOffset();
        bool hasRseq = rseq != 0 && rseq + CpuIdInRseq is >= int.MinValue and <= int.MaxValue;
        if (hasRseq)
        {
            var code = new Span<byte>((void*)(page + RseqCpuIdOffset), FsLoad32Code.Length);
            FsLoad32Code.CopyTo(code);
            // The thread pointer is the %fs base on x86-64, so the area is at fs:[__rseq_offset].
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(code[4..], (int)(rseq + CpuIdInRseq));
        }
        return LibC.Mprotect(page, 4096, protReadExec) == 0 ? (page, hasRseq) : (0, false);
    }

    private static long FindRseqOffset()
    {
        if (!NativeLibrary.TryLoad("libc.so.6", out nint libc))
            return 0;
        // glibc exports both since 2.35: the area's offset from the thread pointer, and its size
        // (0 when glibc did not register rseq).
        if (!NativeLibrary.TryGetExport(libc, "__rseq_offset", out nint offset)
            || !NativeLibrary.TryGetExport(libc, "__rseq_size", out nint size)
            || *(uint*)size == 0)
            return 0;
        return *(nint*)offset;
    }
}
