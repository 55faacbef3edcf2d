namespace Ltt.Trace.Ftrace;

/// <summary>
/// One event's <c>events/&lt;system&gt;/&lt;name&gt;/format</c>: its numeric id (the record's
/// <c>common_type</c>), its fields with their offsets, sizes and signedness, and its print format.
/// </summary>
/// <param name="File">The format file, for diagnostics.</param>
public sealed record FtraceEventFormat(
    string System,
    string Name,
    int Id,
    IReadOnlyList<FtraceField> Fields,
    string PrintFormat,
    string File)
{
    /// <summary>The event's own fields, without the <c>common_*</c> ones every event has.</summary>
    public IEnumerable<FtraceField> Payload => Fields.Where(f => !f.IsCommon);

    /// <summary>The smallest record that holds every fixed part of the fields.</summary>
    public int MinimumRecordSize { get; } = Fields.Count == 0 ? 0 : Fields.Max(f => f.Offset + f.Size);

    public FtraceField? Find(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
                return field;
        }
        return null;
    }
}
