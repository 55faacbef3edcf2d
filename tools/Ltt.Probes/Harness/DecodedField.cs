namespace Ltt.Probes.Harness;

/// <summary>A field read back from a payload, with the offset it was read at.</summary>
public sealed record DecodedField(string Name, FieldValue Value, int Offset);
