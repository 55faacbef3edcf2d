using System.Text;

namespace Ltt.Trace.Serialization;

/// <summary>
/// One field's value for <see cref="EventSerializer"/>: an integer (its two's-complement bits),
/// a float, a string (UTF-8 encoded once, when the value is made) or the elements of an array
/// or sequence. A struct, so a reused array of values costs nothing per event.
/// </summary>
public readonly struct FieldValue
{
    private FieldValue(ulong bits, double number, byte[]? utf8, FieldValue[]? elements)
    {
        Bits = bits;
        Number = number;
        Utf8 = utf8;
        Elements = elements;
    }

    /// <summary>An integer's bits; the serializer keeps the low bytes the field's size holds.</summary>
    public ulong Bits { get; }

    public double Number { get; }

    /// <summary>A string's UTF-8 bytes, without the terminating NUL.</summary>
    public byte[]? Utf8 { get; }

    public FieldValue[]? Elements { get; }

    public static FieldValue Integer(long value) => new((ulong)value, 0, null, null);

    public static FieldValue Unsigned(ulong value) => new(value, 0, null, null);

    public static FieldValue Float(double value) => new(0, value, null, null);

    /// <summary>A string value; a NUL inside ends it, as C would.</summary>
    public static FieldValue Text(string value)
    {
        int nul = value.IndexOf('\0', StringComparison.Ordinal);
        return new(0, 0, Encoding.UTF8.GetBytes(nul < 0 ? value : value[..nul]), null);
    }

    public static FieldValue Array(params FieldValue[] elements) => new(0, 0, null, elements);

    public override string ToString() =>
        Utf8 is not null ? Encoding.UTF8.GetString(Utf8)
        : Elements is not null ? "[" + string.Join(", ", Elements) + "]"
        : Bits != 0 || Number == 0 ? Bits.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
