namespace Ltt.Tracepoints.Kbuild;

/// <summary>
/// Why a folder of the tree is not part of the target architecture's build.
/// </summary>
/// <param name="Folder">The outermost folder that is out, relative to the tree, ending in '/' (<c>arch/s390/</c>, <c>drivers/s390/</c>).</param>
/// <param name="Reason">What makes it so, in words (<c>another architecture's build</c>, <c>needs CONFIG_PPC_PSERIES, which no x86 configuration can enable</c>).</param>
public sealed record OutOfBuild(string Folder, string Reason);
