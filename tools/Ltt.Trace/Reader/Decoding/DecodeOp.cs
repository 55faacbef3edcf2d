namespace Ltt.Trace.Reader.Decoding;

/// <summary>
/// One step of a compiled layout. A scope (packet header, event payload...) compiles once into
/// a flat array of these, which the decoder walks with a switch: no virtual calls, no
/// allocation, nested types as op ranges.
/// </summary>
internal struct DecodeOp
{
    public OpKind Kind;
    public bool Signed;
    public bool BigEndian;

    /// <summary>Byte aligned, little endian, 8/16/32/64 bits: read with one load.</summary>
    public bool Fast;
    public int SizeBits;
    public int AlignBits;

    /// <summary>Register the value is stored in, or -1.</summary>
    public int Register;

    /// <summary>Width of a clock-mapped integer, or 0.</summary>
    public int ClockBits;

    /// <summary>Register holding a sequence's length or a variant's tag.</summary>
    public int SourceRegister;

    /// <summary>Fixed array length.</summary>
    public long Count;

    /// <summary>Ops in the body of an array, sequence, variant or structure (up to its end).</summary>
    public int Body;

    /// <summary>Minimum bits one element takes, to bound element counts read from damaged data.</summary>
    public long ElementMinBits;

    /// <summary>For variants with small tags: the option (op offset from the variant, op count, index) each tag value selects; empty entries have length -1.</summary>
    public (int Start, int Length, int Option)[]? OptionByTag;
}
