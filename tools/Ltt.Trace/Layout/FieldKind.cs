namespace Ltt.Trace.Layout;

/// <summary>The binary shape of a field in an event payload.</summary>
public enum FieldKind
{
    /// <summary>An integer of 1 to 8 bytes, signed or not, in <see cref="FieldLayout.ByteOrder"/>.</summary>
    Integer,

    /// <summary>An IEEE 754 binary32 or binary64.</summary>
    Float,

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    String,

    /// <summary>A fixed-length array of <see cref="FieldLayout.Element"/>.</summary>
    Array,

    /// <summary>A variable-length array whose element count is the earlier field <see cref="FieldLayout.LengthField"/>.</summary>
    Sequence,
}
