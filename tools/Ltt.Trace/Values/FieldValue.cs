using System.Globalization;
using System.Text;

namespace Ltt.Trace.Values;

/// <summary>
/// The toolkit's one value model: what the runtime serializes, what the trace reader (CTF, and
/// ftrace pages) decodes, and what a validation run expects. An integer (its two's-complement
/// bits and whether they read as signed; an enumeration value carries its label), a float, text
/// (UTF-8 bytes, kept exact even when not valid UTF-8), a list (array or sequence elements) or
/// named members (a structure). Values compare structurally: integers by their numeric value
/// (an unsigned 5 equals a signed 5, a signed -1 is not 0xffffffff), floats by their bits,
/// text by its bytes, lists and members element by element. A struct, so an array of values
/// reused from event to event costs nothing per event on the runtime's write path.
/// </summary>
public readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly ulong _bits;
    private readonly object? _data;
    private readonly bool _signed;

    private FieldValue(ValueKind kind, ulong bits, bool signed, object? data)
    {
        Kind = kind;
        _bits = bits;
        _signed = signed;
        _data = data;
    }

    public ValueKind Kind { get; }

    /// <summary>An integer's two's-complement bits (the serializer keeps the low bytes the field's size holds); a float's double bits.</summary>
    public ulong Bits => _bits;

    /// <summary>An integer's numeric value.</summary>
    public Int128 Integer => _signed ? (long)_bits : _bits;

    /// <summary>True when an integer's bits read as a signed number.</summary>
    public bool IsSigned => _signed;

    /// <summary>A float's value.</summary>
    public double Number => Kind == ValueKind.Float ? BitConverter.UInt64BitsToDouble(_bits) : (double)Integer;

    /// <summary>Text's UTF-8 bytes, without the terminating NUL; null for other kinds.</summary>
    public byte[]? Utf8 => _data as byte[];

    /// <summary>Text as a string (invalid UTF-8 replaced); null for other kinds.</summary>
    public string? Text => _data is byte[] utf8 ? Encoding.UTF8.GetString(utf8) : null;

    /// <summary>A list's elements; null for other kinds.</summary>
    public FieldValue[]? Elements => _data as FieldValue[];

    /// <summary>A structure's members; null for other kinds.</summary>
    public NamedValue[]? Members => _data as NamedValue[];

    /// <summary>An enumeration value's label (several labels joined by ", "), or null.</summary>
    public string? Label => Kind == ValueKind.Integer ? _data as string : null;

    public static FieldValue Signed(long value) => new(ValueKind.Integer, (ulong)value, true, null);

    public static FieldValue Unsigned(ulong value) => new(ValueKind.Integer, value, false, null);

    /// <summary>An integer of any value a 64-bit field holds (from <see cref="long.MinValue"/> to <see cref="ulong.MaxValue"/>).</summary>
    public static FieldValue Of(Int128 value)
    {
        if (value < long.MinValue || value > ulong.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), value, "an integer field holds at most 64 bits");
        return value < 0 ? Signed((long)value) : Unsigned((ulong)value);
    }

    /// <summary>An integer from its raw bits, read as signed or not.</summary>
    public static FieldValue FromBits(ulong bits, bool signed) => new(ValueKind.Integer, bits, signed, null);

    /// <summary>An enumeration value: the integer and the label(s) its value maps to (null when none does).</summary>
    public static FieldValue Enumeration(ulong bits, bool signed, string? label) => new(ValueKind.Integer, bits, signed, label);

    public static FieldValue Float(double value) => new(ValueKind.Float, BitConverter.DoubleToUInt64Bits(value), false, null);

    /// <summary>A string value; a NUL inside ends it, as C would.</summary>
    public static FieldValue String(string value)
    {
        int nul = value.IndexOf('\0', StringComparison.Ordinal);
        return new(ValueKind.Text, 0, false, Encoding.UTF8.GetBytes(nul < 0 ? value : value[..nul]));
    }

    /// <summary>Text from its bytes as they are (copied).</summary>
    public static FieldValue String(ReadOnlySpan<byte> utf8) => new(ValueKind.Text, 0, false, utf8.ToArray());

    public static FieldValue Array(params FieldValue[] elements) => new(ValueKind.List, 0, false, elements);

    public static FieldValue Structure(params NamedValue[] members) => new(ValueKind.Structure, 0, false, members);

    public bool Equals(FieldValue other)
    {
        if (Kind != other.Kind)
            return false;
        switch (Kind)
        {
            case ValueKind.Integer:
                return Integer == other.Integer && string.Equals(Label, other.Label, StringComparison.Ordinal);
            case ValueKind.Float:
                return _bits == other._bits;
            case ValueKind.Text:
                return Utf8.AsSpan().SequenceEqual(other.Utf8);
            case ValueKind.List:
            {
                FieldValue[] a = Elements ?? [], b = other.Elements ?? [];
                if (a.Length != b.Length)
                    return false;
                for (int i = 0; i < a.Length; i++)
                {
                    if (!a[i].Equals(b[i]))
                        return false;
                }
                return true;
            }
            default:
            {
                NamedValue[] a = Members ?? [], b = other.Members ?? [];
                if (a.Length != b.Length)
                    return false;
                for (int i = 0; i < a.Length; i++)
                {
                    if (a[i].Name != b[i].Name || !a[i].Value.Equals(b[i].Value))
                        return false;
                }
                return true;
            }
        }
    }

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        switch (Kind)
        {
            case ValueKind.Integer:
                hash.Add(Integer);
                break;
            case ValueKind.Float:
                hash.Add(_bits);
                break;
            case ValueKind.Text:
                hash.AddBytes(Utf8);
                break;
            case ValueKind.List:
                foreach (var e in Elements ?? [])
                    hash.Add(e.GetHashCode());
                break;
            default:
                foreach (var m in Members ?? [])
                    hash.Add(m.Name);
                break;
        }
        return hash.ToHashCode();
    }

    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    /// <summary>The value as a person reads it: <c>-5</c>, <c>1.5</c>, <c>"text"</c>, <c>[1, 2]</c>, <c>{ a = 1 }</c>, <c>READY (3)</c>.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Integer => Label is { } label
            ? label + " (" + Integer.ToString(CultureInfo.InvariantCulture) + ")"
            : Integer.ToString(CultureInfo.InvariantCulture),
        ValueKind.Float => Number.ToString("R", CultureInfo.InvariantCulture),
        ValueKind.Text => "\"" + Text + "\"",
        ValueKind.List => "[" + string.Join(", ", Elements ?? []) + "]",
        _ => "{ " + string.Join(", ", (IEnumerable<NamedValue>)(Members ?? [])) + " }",
    };

    /// <summary>As <see cref="ToString"/>, with a non-negative integer also in hexadecimal (<c>300 (0x12c)</c>): what mismatch reports show.</summary>
    public string ToDiagnosticString() => Kind == ValueKind.Integer && Label is null && Integer >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Integer} (0x{Integer:x})")
        : ToString();
}
