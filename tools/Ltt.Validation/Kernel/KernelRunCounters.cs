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
    long LostFtrace);
