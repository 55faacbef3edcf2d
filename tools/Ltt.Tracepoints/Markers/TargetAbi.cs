namespace Ltt.Tracepoints.Markers;

/// <summary>The sizes a marker format depends on: the target's pointer, long and size_t widths.</summary>
public sealed record TargetAbi(string Arch, int PointerSize, int LongSize, bool LittleEndian = true)
{
    public static TargetAbi X86_64 { get; } = new("x86_64", 8, 8);
    public static TargetAbi I386 { get; } = new("i386", 4, 4);

    public static TargetAbi? FromArch(string arch) => arch switch
    {
        "x86_64" or "x86" or "amd64" => X86_64,
        "i386" or "i686" => I386,
        "arm64" or "aarch64" or "riscv64" or "ppc64le" => new TargetAbi(arch, 8, 8),
        "ppc64" or "s390x" => new TargetAbi(arch, 8, 8, LittleEndian: false),
        "arm" or "riscv32" => new TargetAbi(arch, 4, 4),
        _ => null,
    };
}
