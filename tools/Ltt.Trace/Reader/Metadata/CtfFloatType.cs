namespace Ltt.Trace.Reader.Metadata;

/// <summary>A CTF floating point number; only IEEE binary32 (8/24) and binary64 (11/53) are decodable.</summary>
public sealed class CtfFloatType(int exponentDigits, int mantissaDigits, int alignmentBits, CtfByteOrder byteOrder) : CtfType
{
    public int ExponentDigits { get; } = exponentDigits;

    public int MantissaDigits { get; } = mantissaDigits;

    public int SizeBits => ExponentDigits + MantissaDigits;

    public override int AlignmentBits { get; } = alignmentBits;

    public CtfByteOrder ByteOrder { get; } = byteOrder;
}
