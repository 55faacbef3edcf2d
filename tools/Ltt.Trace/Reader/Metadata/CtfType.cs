namespace Ltt.Trace.Reader.Metadata;

/// <summary>
/// A CTF 1.8 field type as the TSDL metadata declares it. The tree is built once by
/// <see cref="TsdlParser"/> and never changed afterwards; decoding compiles it into a flat plan.
/// </summary>
public abstract class CtfType
{
    /// <summary>Alignment in bits.</summary>
    public abstract int AlignmentBits { get; }
}
