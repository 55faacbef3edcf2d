namespace Ltt.Trace.Reader.Metadata;

/// <summary>A CTF integer: size in bits, signedness, byte order, display base, optional clock mapping.</summary>
public sealed class CtfIntegerType(
    int sizeBits,
    int alignmentBits,
    bool signed,
    CtfByteOrder byteOrder,
    int displayBase,
    CtfEncoding encoding,
    string? mappedClock) : CtfType
{
    public int SizeBits { get; } = sizeBits;

    public override int AlignmentBits { get; } = alignmentBits;

    public bool Signed { get; } = signed;

    public CtfByteOrder ByteOrder { get; } = byteOrder;

    /// <summary>2, 8, 10 or 16.</summary>
    public int DisplayBase { get; } = displayBase;

    public CtfEncoding Encoding { get; } = encoding;

    /// <summary>The clock name of <c>map = clock.NAME.value</c>, or null.</summary>
    public string? MappedClock { get; } = mappedClock;

    /// <summary>True for an 8-bit integer with a character encoding: arrays of it are text.</summary>
    public bool IsCharacter => SizeBits == 8 && Encoding != CtfEncoding.None && AlignmentBits % 8 == 0;
}
