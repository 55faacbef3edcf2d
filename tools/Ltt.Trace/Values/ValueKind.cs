namespace Ltt.Trace.Values;

/// <summary>What a <see cref="FieldValue"/> holds.</summary>
public enum ValueKind : byte
{
    /// <summary>An integer of up to 64 bits, signed or not; an enumeration value is one with a label.</summary>
    Integer,

    /// <summary>An IEEE 754 binary32 or binary64, held as a double.</summary>
    Float,

    /// <summary>Bytes of text (a string, or a character array or sequence), without a terminating NUL.</summary>
    Text,

    /// <summary>The elements of an array or sequence.</summary>
    List,

    /// <summary>Named members: a structure, or the payload of an event.</summary>
    Structure,
}
