using Ltt.Trace.Layout;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// One value a probe records: where it comes from (an argument and member steps), its C type,
/// and how it is written in the payload (its marker format field and its field layout). The
/// marker field and the layout describe the same bytes; the planner checks they agree.
/// </summary>
/// <param name="Arg">The tracepoint argument the value starts from; null for a value computed by <see cref="Code"/>.</param>
/// <param name="SourceType">The C type of <see cref="Expression"/>.</param>
/// <param name="EntryType">For a TRACE_EVENT field, the entry's type: the value is converted to it first,
/// as TP_fast_assign would, then recorded. Null for DECLARE_TRACE values.</param>
/// <param name="StringBound">For a string taken from a <c>char[N]</c>, N; 0 for a <c>char *</c>.</param>
public sealed record ProbeValue(
    string Name,
    TracepointArg? Arg,
    IReadOnlyList<ValueStep> Steps,
    CType SourceType,
    CType? EntryType,
    ProbeValueKind Kind,
    MarkerField Marker,
    FieldLayout Layout,
    int StringBound)
{
    /// <summary>
    /// For a value TP_fast_assign computes (a call, a ternary, an array filled by a statement, a
    /// sequence), the code the probe runs; <see cref="SourceType"/> is then the entry's type
    /// (its element's for an array or sequence). Null for a value path.
    /// </summary>
    public ValueCode? Code { get; init; }

    /// <summary>For a sequence, the layout of its element count, which precedes it in the payload.</summary>
    public FieldLayout? CountLayout { get; init; }

    /// <summary>The C expression the probe reads: <c>prev-&gt;pid</c>, or the local its code sets.</summary>
    public string Expression => Code?.Value ?? Arg!.Name + string.Concat(Steps);

    /// <summary>The payload fields this value writes: the count of a sequence first, then the value.</summary>
    public IEnumerable<FieldLayout> Layouts => CountLayout is null ? [Layout] : [CountLayout, Layout];

    public bool IsNetworkOrder => Marker.TraceType?.NetworkByteOrder ?? false;
}
