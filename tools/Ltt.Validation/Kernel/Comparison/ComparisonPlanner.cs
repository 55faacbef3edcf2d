using Ltt.Probes.Generation;
using Ltt.Trace.Ftrace;
using Ltt.Trace.Layout;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// Decides, for each of our events, which of its fields compare with which of ftrace's, and as
/// what; which of ftrace's fields we do not record and why (the generator's warning). A field we
/// record that ftrace does not have, and a field of ftrace's we leave out with no warning saying
/// why, are problems: both mean the generator and the kernel disagree about the event. An event
/// whose ftrace format does not parse is not compared and is noted.
/// </summary>
internal static class ComparisonPlanner
{
    public static List<TracepointPlan> Plan(EventCatalog catalog, FtraceRecord ftrace, IReadOnlyList<NotRecordedField> notRecorded, IReadOnlySet<string> tickFields, ComparisonOptions options, List<string> problems, List<string> notes)
    {
        var reasons = new Dictionary<(string, string), NotRecordedField>();
        foreach (var n in notRecorded)
            reasons.TryAdd((n.Event, n.Field), n);
        var plans = new List<TracepointPlan>();
        foreach (var ev in catalog.Events)
        {
            var format = ftrace.FindByName(ev.Name);
            if (format is null && ftrace.FindUnreadable(ev.Name) is { } unreadable)
            {
                // Only this tracepoint is lost to a format this reader cannot parse; it is said, not failed.
                string why = $"ftrace's format file does not parse: {unreadable.Diagnostics.FirstOrDefault()?.ToString() ?? unreadable.File}";
                notes.Add($"{ev.Name}: not compared, {why}");
                plans.Add(new TracepointPlan(ev, null, [], [], why));
                continue;
            }
            if (format is null)
            {
                plans.Add(new TracepointPlan(ev, null, [], []));
                continue;
            }
            var lengths = ev.Fields.Where(f => f.Kind == FieldKind.Sequence && f.LengthField is not null).Select(f => f.LengthField!).ToHashSet();
            var fields = new List<FieldPlan>();
            var left = new List<NotRecordedField>();
            for (int i = 0; i < ev.Fields.Count; i++)
            {
                var field = ev.Fields[i];
                if (lengths.Contains(field.Name))
                    continue;
                var theirs = format.Find(field.Name);
                if (theirs is null || theirs.IsCommon)
                {
                    problems.Add($"{ev.Name}: we record '{field.Name}', which ftrace's {format.File} does not have");
                    continue;
                }
                if (Field(i, field, theirs, options, out string? why) is { } plan)
                    fields.Add(plan with { Ticks = plan.Mode == CompareMode.Integer && tickFields.Contains($"{ev.Name}.{field.Name}") });
                else
                    left.Add(new NotRecordedField(ev.Name, field.Name, "not comparable: " + why));
            }
            var ours = ev.Fields.Select(f => f.Name).ToHashSet();
            foreach (var theirs in format.Payload.Where(f => !ours.Contains(f.Name)))
            {
                if (format.System == KprobeEvents.Group && TracepointPlan.IsKprobeOwnField(theirs.Name))
                {
                    left.Add(new NotRecordedField(ev.Name, theirs.Name, theirs.Name == "__probe_ret_ip"
                        ? "ftrace's kretprobe event's return address in the caller, not a value of the function"
                        : "ftrace's kprobe event's probed address, the function's, the same in every hit"));
                }
                else if (reasons.TryGetValue((ev.Name, theirs.Name), out var reason))
                {
                    left.Add(reason);
                }
                else
                {
                    problems.Add($"{ev.Name}: ftrace's field '{theirs.Name}' is not recorded and no generator warning says why");
                    left.Add(new NotRecordedField(ev.Name, theirs.Name, "no generator warning says why"));
                }
            }
            plans.Add(new TracepointPlan(ev, format, [.. fields], left));
        }
        return plans;
    }

    private static FieldPlan? Field(int index, FieldLayout ours, FtraceField theirs, ComparisonOptions options, out string? why)
    {
        why = null;
        switch (ours.Kind)
        {
            case FieldKind.Integer when theirs.Kind == FtraceFieldKind.Scalar:
                return new FieldPlan(ours.Name, index, ours, theirs, CompareMode.Integer, false, 0);
            case FieldKind.String when theirs.IsArray:
                return new FieldPlan(ours.Name, index, ours, theirs, CompareMode.Text, !theirs.IsText, 0);
            case FieldKind.Array or FieldKind.Sequence when theirs.IsArray:
            {
                int element = Math.Max(1, ours.Element?.Size ?? 1);
                int cap = ours.Kind == FieldKind.Sequence ? options.SequenceCapBytes / element : 0;
                return new FieldPlan(ours.Name, index, ours, theirs, CompareMode.List, theirs.IsText, cap);
            }
            case FieldKind.String:
                why = $"ftrace records the {theirs.Type} itself (a pointer), we record the string it points to";
                return null;
            default:
                why = $"we record {ours.Kind.ToString().ToLowerInvariant()}, ftrace has {theirs.Type} ({theirs.Kind})";
                return null;
        }
    }
}
