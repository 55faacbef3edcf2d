using Ltt.Trace.Values;

namespace Ltt.Trace.Reader;

/// <summary>A field read back from a single payload, with the byte offset in the payload it was read at.</summary>
public sealed record DecodedField(string Name, FieldValue Value, int Offset);
