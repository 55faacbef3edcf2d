namespace Ltt.Trace.Reader.Decoding;

/// <summary>What one step of a compiled layout does.</summary>
internal enum OpKind : byte
{
    /// <summary>Align to the structure's alignment; its members follow, then <see cref="StructEnd"/>.</summary>
    StructBegin,
    StructEnd,
    Integer,
    Enum,
    Float,
    String,

    /// <summary>A fixed array of 8-bit characters, shown as a string.</summary>
    TextArray,

    /// <summary>A sequence of 8-bit characters, shown as a string.</summary>
    TextSequence,

    /// <summary>A fixed array; its element layout is the next <see cref="DecodeOp.Body"/> ops.</summary>
    Array,

    /// <summary>A sequence; its element layout is the next <see cref="DecodeOp.Body"/> ops.</summary>
    Sequence,

    /// <summary>A variant; the options' layouts follow, <see cref="DecodeOp.Body"/> ops in all.</summary>
    Variant,
}
