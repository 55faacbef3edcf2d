using System.Text;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// One disagreement: which CPU, which hit on each side (0-based among that CPU's compared hits;
/// -1 when the side has none), which tracepoint and field, and both values as people read them.
/// </summary>
public sealed record HitMismatch(
    MismatchKind Kind,
    int Cpu,
    long OurIndex,
    long FtraceIndex,
    string Event,
    string? Field = null,
    string? Ours = null,
    string? Ftrace = null,
    ulong? OurTimestamp = null,
    ulong? FtraceTimestamp = null)
{
    /// <summary>One line: <c>cpu 1, hit 42 (ftrace 43), sched_switch.prev_pid: ours 12, ftrace 13</c>.</summary>
    public string Message
    {
        get
        {
            var text = new StringBuilder();
            text.Append("cpu ").Append(Cpu).Append(", hit ").Append(OurIndex >= 0 ? OurIndex.ToString() : "-");
            text.Append(" (ftrace ").Append(FtraceIndex >= 0 ? FtraceIndex.ToString() : "-").Append("), ");
            text.Append(Event);
            if (Field is not null)
                text.Append('.').Append(Field);
            text.Append(": ").Append(Kind switch
            {
                MismatchKind.Field => $"ours {Ours}, ftrace {Ftrace}",
                MismatchKind.MissingInOurs => $"ftrace has this hit at {FtraceTimestamp} ns, our trace does not",
                MismatchKind.MissingInFtrace => $"our trace has this hit at {OurTimestamp} ns, ftrace does not",
                MismatchKind.DifferentEvent => $"ours {Ours} at {OurTimestamp} ns, ftrace {Ftrace} at {FtraceTimestamp} ns",
                MismatchKind.Reordered => $"in another order: ours at {OurTimestamp} ns, ftrace at {FtraceTimestamp} ns, not nested in another hit ({Ftrace})",
                MismatchKind.TimestampBound => $"ours at {OurTimestamp} ns, ftrace at {FtraceTimestamp} ns: {Ours} apart, more than the bound",
                _ => $"timestamp {Ours} ns after {Ftrace} ns on the same CPU ({(OurIndex >= 0 ? "ours" : "ftrace")})",
            });
            return text.ToString();
        }
    }
}
