namespace Ltt.Trace.Reader.Metadata;

/// <summary>One range of an enumeration: the label and the inclusive bounds (as signed or unsigned 64-bit values).</summary>
public sealed record CtfEnumMapping(string Label, long Lower, long Upper);
