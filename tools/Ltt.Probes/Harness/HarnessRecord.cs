namespace Ltt.Probes.Harness;

/// <summary>One payload the userspace backend recorded: the event id, the marker, the alignment the probe passed, and the bytes.</summary>
/// <param name="Offset">Byte offset of the record in the file, for messages.</param>
public sealed record HarnessRecord(int EventId, string Marker, int LargestAlignment, byte[] Payload, long Offset);
