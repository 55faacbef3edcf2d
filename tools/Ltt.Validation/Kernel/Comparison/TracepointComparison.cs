namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// One tracepoint of our probes in the comparison: its hits on each side, the hits compared,
/// the fields compared, ftrace's fields we do not record (with the generator's reason), and the
/// mismatches found; or why it could not be compared at all.
/// </summary>
/// <param name="FtraceFields">Fields of ftrace's event (without the common_* ones); 0 when ftrace has no such event.</param>
/// <param name="NotCompared">Why the tracepoint is not compared (ftrace has no event of that name), or null.</param>
public sealed record TracepointComparison(
    string Name,
    string? System,
    long HitsOurs,
    long HitsFtrace,
    long HitsCompared,
    IReadOnlyList<string> FieldsCompared,
    IReadOnlyList<NotRecordedField> FieldsNotRecorded,
    int FtraceFields,
    long Mismatches,
    string? NotCompared = null);
