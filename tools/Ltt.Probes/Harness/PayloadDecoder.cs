using System.Text;
using Ltt.Trace.Layout;

namespace Ltt.Probes.Harness;

/// <summary>
/// Decodes one event payload against its <see cref="EventLayout"/> from <c>events.json</c>:
/// each field at its alignment (unless packed), integers in the field's byte order, strings
/// up to their NUL, arrays and sequences element by element. Enough to check the harness; the
/// trace reader of Ltt.Trace decodes whole traces.
/// </summary>
public static class PayloadDecoder
{
    public static PayloadDecodeResult Decode(EventLayout layout, ReadOnlySpan<byte> payload)
    {
        var fields = new List<DecodedField>();
        var integers = new Dictionary<string, Int128>(StringComparer.Ordinal);
        int at = 0;
        foreach (var field in layout.Fields)
        {
            if (!TryDecode(field, layout.Packed, payload, ref at, integers, out var value, out int start, out string? error))
                return new PayloadDecodeResult(fields, at, $"field '{field.Name}': {error}");
            fields.Add(new DecodedField(field.Name, value, start));
            if (!value.IsString && !value.IsList)
                integers[field.Name] = value.Integer;
        }
        return new PayloadDecodeResult(fields, at, null);
    }

    private static bool TryDecode(FieldLayout field, bool packed, ReadOnlySpan<byte> payload, ref int at, Dictionary<string, Int128> integers, out FieldValue value, out int start, out string? error)
    {
        value = default;
        if (!packed && field.Alignment > 1)
            at = (at + field.Alignment - 1) / field.Alignment * field.Alignment;
        start = at;
        switch (field.Kind)
        {
            case FieldKind.Integer:
                if (field.Size is not (1 or 2 or 4 or 8))
                {
                    error = $"integer of {field.Size} bytes";
                    return false;
                }
                if (payload.Length - at < field.Size)
                {
                    error = $"needs {field.Size} bytes at offset {at}, the payload has {payload.Length}";
                    return false;
                }
                value = FieldValue.Of(ReadInteger(payload.Slice(at, field.Size), field.Signed, field.ByteOrder));
                at += field.Size;
                error = null;
                return true;
            case FieldKind.String:
                int end = payload[at..].IndexOf((byte)0);
                if (end < 0)
                {
                    error = $"string at offset {at} has no NUL before the end of the payload ({payload.Length} bytes)";
                    return false;
                }
                value = FieldValue.Of(Encoding.UTF8.GetString(payload.Slice(at, end)));
                at += end + 1;
                error = null;
                return true;
            case FieldKind.Float:
                error = "floats are not recorded by generated probes";
                return false;
            case FieldKind.Array:
            case FieldKind.Sequence:
                long count = field.Kind == FieldKind.Array ? field.Length : (long)integers.GetValueOrDefault(field.LengthField ?? "", -1);
                if (count < 0 || field.Element is null)
                {
                    error = field.Element is null ? "array without an element type" : $"length field '{field.LengthField}' was not read before it";
                    return false;
                }
                var elements = new List<Int128>();
                for (long i = 0; i < count; i++)
                {
                    if (!TryDecode(field.Element, packed, payload, ref at, integers, out var element, out _, out error))
                        return false;
                    if (element.IsString || element.IsList)
                    {
                        error = "arrays of strings or arrays are not recorded by generated probes";
                        return false;
                    }
                    elements.Add(element.Integer);
                }
                value = FieldValue.List(elements);
                error = null;
                return true;
            default:
                error = $"unknown field kind {field.Kind}";
                return false;
        }
    }

    private static Int128 ReadInteger(ReadOnlySpan<byte> bytes, bool signed, ByteOrder order)
    {
        UInt128 raw = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            int index = order == ByteOrder.LittleEndian ? bytes.Length - 1 - i : i;
            raw = (raw << 8) | bytes[index];
        }
        return HarnessValues.Wrap((Int128)raw, bytes.Length * 8, signed);
    }
}
