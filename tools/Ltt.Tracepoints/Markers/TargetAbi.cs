namespace Ltt.Tracepoints.Markers;

/// <summary>The sizes a marker format depends on: the target's pointer, long and size_t widths.</summary>
public sealed record TargetAbi(string Arch, int PointerSize, int LongSize, bool LittleEndian = true)
{
    public static TargetAbi X86_64 => Architecture.Find("x86_64")!.Abi;

    public static TargetAbi I386 => Architecture.Find("i386")!.Abi;

    /// <summary>The ABI of an architecture name of <see cref="Architecture.All"/>, or null.</summary>
    public static TargetAbi? FromArch(string arch) => Architecture.Find(arch)?.Abi;
}
