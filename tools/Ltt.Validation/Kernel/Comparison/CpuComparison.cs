namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// One CPU's sequences: hits of the compared tracepoints on each side, hits paired, edge hits
/// (ftrace's before our first hit and after our last: it runs longer than our recorder), hits
/// nested between the two probes of another (so in another order, allowed), lost events on each
/// side, hits missing where that side lost events, and the largest timestamp difference seen.
/// </summary>
/// <param name="LostFtraceUnknown">ftrace flagged lost events on a page without their count.</param>
public sealed record CpuComparison(
    int Cpu,
    long HitsOurs,
    long HitsFtrace,
    long HitsCompared,
    long EdgeHits,
    long NestedReorders,
    long LostOurs,
    long LostFtrace,
    bool LostFtraceUnknown,
    long MissingWhereLost,
    long MaxTimestampDeltaNs,
    long Mismatches);
