namespace Ltt.Trace.Layout;

/// <summary>
/// One event class: its stable numeric id, its name, the channel it is recorded in and its payload fields in order.
/// </summary>
/// <param name="Marker">The LTTng 0.105 marker name for the event, when it has one.</param>
/// <param name="Format">The marker format string that describes the payload, when it has one.</param>
/// <param name="Source">The site it was generated from (<c>include/trace/sched.h:12</c>).</param>
/// <param name="Packed">True when fields are not aligned (a packed channel).</param>
public sealed record EventLayout(
    int Id,
    string Name,
    string Channel,
    IReadOnlyList<FieldLayout> Fields,
    string? Marker = null,
    string? Format = null,
    string? Source = null,
    bool Packed = false)
{
    /// <summary>The largest alignment of any field: the alignment of the payload itself.</summary>
    public int LargestAlignment => Packed || Fields.Count == 0 ? 1 : Fields.Max(f => f.Alignment);
}
