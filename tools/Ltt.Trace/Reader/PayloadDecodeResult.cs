namespace Ltt.Trace.Reader;

/// <summary>The fields decoded from a payload, how many bytes they used, and what stopped the decode, if anything.</summary>
public sealed record PayloadDecodeResult(IReadOnlyList<DecodedField> Fields, int BytesRead, string? Error);
