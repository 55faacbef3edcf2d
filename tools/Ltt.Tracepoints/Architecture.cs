using Ltt.Tracepoints.Markers;

namespace Ltt.Tracepoints;

/// <summary>
/// One target architecture: the names users give it, the kernel's source folder for it
/// (<c>arch/&lt;SourceArch&gt;</c>), the compiler's target triple, and the ABI a marker format
/// depends on. <see cref="All"/> is the one table every command reads, so they accept the same
/// names and give the same answer.
/// </summary>
public sealed record Architecture(string Name, IReadOnlyList<string> Aliases, string SourceArch, string Triple, TargetAbi Abi)
{
    public static IReadOnlyList<Architecture> All { get; } =
    [
        new("x86_64", ["amd64", "x86"], "x86", "x86_64-linux-gnu", new TargetAbi("x86_64", 8, 8)),
        new("i386", ["i686"], "x86", "i386-linux-gnu", new TargetAbi("i386", 4, 4)),
        new("arm64", ["aarch64"], "arm64", "aarch64-linux-gnu", new TargetAbi("arm64", 8, 8)),
        new("arm", [], "arm", "arm-linux-gnueabi", new TargetAbi("arm", 4, 4)),
        new("riscv64", ["riscv"], "riscv", "riscv64-linux-gnu", new TargetAbi("riscv64", 8, 8)),
        new("riscv32", [], "riscv", "riscv32-linux-gnu", new TargetAbi("riscv32", 4, 4)),
        new("ppc64le", [], "powerpc", "powerpc64le-linux-gnu", new TargetAbi("ppc64le", 8, 8)),
        new("ppc64", ["powerpc"], "powerpc", "powerpc64-linux-gnu", new TargetAbi("ppc64", 8, 8, LittleEndian: false)),
        new("s390x", ["s390"], "s390", "s390x-linux-gnu", new TargetAbi("s390x", 8, 8, LittleEndian: false)),
        new("mips", [], "mips", "mips-linux-gnu", new TargetAbi("mips", 4, 4, LittleEndian: false)),
    ];

    /// <summary>The architecture a user's name means, or null.</summary>
    public static Architecture? Find(string name) =>
        All.FirstOrDefault(a => a.Name == name || a.Aliases.Contains(name));

    /// <summary>The names to list in a message: "x86_64, i386, arm64, ...".</summary>
    public static string Names => string.Join(", ", All.Select(a => a.Name));

    /// <summary>The message for a name that is not in the table.</summary>
    public static string Unknown(string name) => $"unknown architecture '{name}' (known: {Names})";
}
