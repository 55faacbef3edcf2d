namespace Ltt.Trace.Reader.Decoding;

/// <summary>A tag range (inclusive) and the variant option it selects.</summary>
internal readonly record struct VariantSelector(long Lower, long Upper, int Option);
