using Ltt.Trace.Ftrace;
using Ltt.Trace.Layout;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>One of our events and ftrace's event of the same name, with the fields compared; counts what the comparison saw of it.</summary>
internal sealed class TracepointPlan(EventLayout ours, FtraceEventFormat? ftrace, FieldPlan[] fields, List<NotRecordedField> notRecorded, string? notCompared = null)
{
    public EventLayout Ours { get; } = ours;

    /// <summary>ftrace's event, or null: then the tracepoint is not compared.</summary>
    public FtraceEventFormat? Ftrace { get; } = ftrace;

    public FieldPlan[] Fields { get; } = fields;

    /// <summary>Why the tracepoint is not compared when <see cref="Ftrace"/> is null.</summary>
    public string NotCompared { get; } = notCompared ?? "ftrace has no event of this name (a tracepoint without a trace event, or its format was not copied)";

    public List<NotRecordedField> NotRecorded { get; } = notRecorded;

    public string Name => Ours.Name;

    /// <summary>One of our kprobes, compared with ftrace's kprobe event of the same name (group <c>ltt</c>).</summary>
    public bool IsKprobe => Ftrace?.System == Ltt.Probes.Generation.KprobeEvents.Group;

    /// <summary>ftrace's fields of the event that stand for its values: a kprobe event's own address fields are not.</summary>
    public int FtraceFieldCount => Ftrace?.Payload.Count(f => !(IsKprobe && IsKprobeOwnField(f.Name))) ?? 0;

    /// <summary>The fields ftrace's kprobe events add of their own (<c>__probe_ip</c>; a kretprobe's <c>__probe_func</c>, <c>__probe_ret_ip</c>).</summary>
    public static bool IsKprobeOwnField(string name) => name is "__probe_ip" or "__probe_func" or "__probe_ret_ip";

    public long HitsOurs;
    public long HitsFtrace;
    public long HitsCompared;
    public long Mismatches;
}
