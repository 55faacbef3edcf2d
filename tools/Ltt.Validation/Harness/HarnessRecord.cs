namespace Ltt.Validation.Harness;

/// <summary>One payload the userspace backend recorded: the event id, the marker, the alignment the probe passed, and the bytes.</summary>
/// <param name="Offset">Byte offset of the record in the file, for messages.</param>
public sealed record HarnessRecord(int EventId, string Marker, int LargestAlignment, byte[] Payload, long Offset)
{
    /// <summary>
    /// The values the harness computed itself just before this call (its expect records), by
    /// field name: what TP_fast_assign code gives, which C# cannot evaluate.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> Expectations { get; init; } = new Dictionary<string, byte[]>();
}
