namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// The result of comparing our kernel trace with ftrace's record hit for hit: totals, per
/// tracepoint, per CPU, the listed mismatches (at most <see cref="ComparisonOptions.ListedMismatches"/>;
/// <see cref="ComparisonTotals.Mismatches"/> counts all), and problems that are not one hit's
/// (a field of ours with no ftrace field, an ftrace field left out without a generator warning,
/// a damaged trace). Front ends render it as text, JSON or JUnit.
/// </summary>
public sealed record ComparisonReport(
    ComparisonTotals Totals,
    IReadOnlyList<TracepointComparison> Tracepoints,
    IReadOnlyList<CpuComparison> Cpus,
    IReadOnlyList<HitMismatch> Mismatches,
    IReadOnlyList<string> Problems,
    ComparisonOptions Options)
{
    /// <summary>What the comparison says without failing: tracepoints left out because ftrace's format file for them does not parse.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Lost events on a side fail the comparison unless <see cref="ComparisonOptions.AllowLoss"/>.</summary>
    public bool LossFails => !Options.AllowLoss && (Totals.LostOurs > 0 || Totals.LostFtrace > 0 || Cpus.Any(c => c.LostFtraceUnknown));

    public bool Passed => Totals.Mismatches == 0 && Problems.Count == 0 && !LossFails;
}
