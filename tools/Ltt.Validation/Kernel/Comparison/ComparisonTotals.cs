namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// The numbers of a comparison, as <c>ltt-trace kernel-run --json</c> reports them.
/// </summary>
/// <param name="TracepointsHit">Tracepoints with at least one compared hit.</param>
/// <param name="HitsCompared">Hits paired between the two sides.</param>
/// <param name="FieldsCompared">Field values compared (over all compared hits).</param>
/// <param name="FieldCoverage">Fields compared / ftrace's fields, over the distinct fields of the hit tracepoints.</param>
/// <param name="LostOurs">Events our recorder counted as lost (events_discarded).</param>
/// <param name="LostFtrace">Events ftrace counted as lost (overrun, commit overrun, dropped events; pages' missed counts when stats are absent).</param>
public sealed record ComparisonTotals(
    int TracepointsHit,
    long HitsCompared,
    long FieldsCompared,
    int DistinctFieldsCompared,
    int DistinctFtraceFields,
    double FieldCoverage,
    long Mismatches,
    long LostOurs,
    long LostFtrace,
    long NestedReorders,
    long EdgeHits,
    long MaxTimestampDeltaNs)
{
    /// <summary>Our kprobes with at least one hit in our trace.</summary>
    public int KprobesHit { get; init; }

    /// <summary>Hits of our kprobes paired with ftrace's kprobe events (counted in <see cref="HitsCompared"/> too).</summary>
    public long KprobeHitsCompared { get; init; }
}
