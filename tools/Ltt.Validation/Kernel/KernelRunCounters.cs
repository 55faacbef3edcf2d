namespace Ltt.Validation.Kernel;

/// <summary>The numbers of a kernel run, as <c>ltt-trace kernel-run --json</c> prints them.</summary>
public sealed record KernelRunCounters(
    string? Kernel,
    int ModulesBuilt,
    int ModulesFailed,
    int TracepointsRegistered,
    int TracepointsHit,
    long HitsCompared,
    long FieldsCompared,
    double FieldCoverage,
    long Mismatches,
    long LostOurs,
    long LostFtrace)
{
    /// <summary>Our kprobes the kernel accepted.</summary>
    public int KprobesRegistered { get; init; }

    /// <summary>Our kprobes with at least one hit.</summary>
    public int KprobesHit { get; init; }

    /// <summary>Hits of our kprobes compared with ftrace's kprobe events.</summary>
    public long KprobeHitsCompared { get; init; }
}
