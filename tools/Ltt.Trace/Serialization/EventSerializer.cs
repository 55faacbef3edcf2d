using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Ltt.Trace.Layout;
using Ltt.Trace.Values;

namespace Ltt.Trace.Serialization;

/// <summary>
/// Serializes payloads of one <see cref="EventLayout"/> from <see cref="FieldValue"/>s: integers
/// of 1 to 8 bytes in either byte order, floats, fixed arrays, sequences (their element count is
/// the value of their length field) and NUL-terminated strings, each field aligned on its
/// alignment (none in a packed event) relative to the payload start, which the ring buffer
/// aligns on <see cref="Alignment"/>: so the layout is the same wherever the event lands.
/// Nothing is allocated per event.
/// </summary>
public sealed class EventSerializer
{
    private readonly FieldLayout[] _fields;
    private readonly int[] _lengthSource;

    private EventSerializer(EventLayout layout, int[] lengthSource)
    {
        Layout = layout;
        _fields = [.. layout.Fields];
        _lengthSource = lengthSource;
        Alignment = layout.LargestAlignment;
    }

    public EventLayout Layout { get; }

    public int EventId => Layout.Id;

    /// <summary>Alignment of the payload start: the largest field alignment, 1 when packed.</summary>
    public int Alignment { get; }

    /// <summary>Checks the layout (sizes, alignments, sequence length fields) and builds its serializer.</summary>
    public static bool TryCreate(EventLayout layout, [NotNullWhen(true)] out EventSerializer? serializer, [NotNullWhen(false)] out string? error)
    {
        serializer = null;
        var lengthSource = new int[layout.Fields.Count];
        for (int i = 0; i < layout.Fields.Count; i++)
        {
            FieldLayout field = layout.Fields[i];
            lengthSource[i] = -1;
            error = CheckField(field, layout.Name);
            if (error is not null)
                return false;
            if (field.Kind == FieldKind.Sequence)
            {
                int source = -1;
                for (int j = 0; j < i; j++)
                {
                    if (layout.Fields[j].Name == field.LengthField && layout.Fields[j].Kind == FieldKind.Integer)
                        source = j;
                }
                if (source < 0)
                {
                    error = $"event {layout.Name}: sequence {field.Name} needs an earlier integer field '{field.LengthField}' for its length";
                    return false;
                }
                lengthSource[i] = source;
            }
        }
        if (layout.Id < 0)
        {
            error = $"event {layout.Name}: id {layout.Id} is negative";
            return false;
        }
        serializer = new EventSerializer(layout, lengthSource);
        error = null;
        return true;
    }

    private static string? CheckField(FieldLayout field, string eventName)
    {
        string where = $"event {eventName}, field {field.Name}";
        if (field.Alignment is not (1 or 2 or 4 or 8))
            return $"{where}: alignment {field.Alignment} is not 1, 2, 4 or 8";
        switch (field.Kind)
        {
            case FieldKind.Integer when field.Size is < 1 or > 8:
                return $"{where}: integer size {field.Size} is not 1 to 8 bytes";
            case FieldKind.Float when field.Size is not (4 or 8):
                return $"{where}: float size {field.Size} is not 4 or 8 bytes";
            case FieldKind.Array when field.Length < 0:
                return $"{where}: array length {field.Length} is negative";
            case FieldKind.Array or FieldKind.Sequence:
                FieldLayout element = ElementOf(field);
                return element.Kind is FieldKind.Sequence ? $"{where}: a sequence inside an array or sequence is not supported" : CheckField(element, eventName);
            default:
                return null;
        }
    }

    /// <summary>An array's or sequence's element: its <see cref="FieldLayout.Element"/>, else an integer of the field's size.</summary>
    public static FieldLayout ElementOf(FieldLayout field) =>
        field.Element ?? new FieldLayout(field.Name, FieldKind.Integer, Math.Max(field.Size, 1), Math.Max(field.Alignment, 1), field.Signed, field.ByteOrder, CType: field.CType, Base: field.Base);

    /// <summary>Payload bytes of the event with these values.</summary>
    public int Measure(ReadOnlySpan<FieldValue> values)
    {
        CheckCount(values);
        int position = 0;
        for (int i = 0; i < _fields.Length; i++)
            position = Advance(_fields[i], values[i], ElementCount(i, values), position);
        return position;
    }

    /// <summary>Writes the payload into <paramref name="destination"/>, which holds <see cref="Measure"/> bytes and
    /// starts at a position aligned on <see cref="Alignment"/>.</summary>
    public void Write(Span<byte> destination, ReadOnlySpan<FieldValue> values)
    {
        CheckCount(values);
        int position = 0;
        for (int i = 0; i < _fields.Length; i++)
            position = WriteField(destination, _fields[i], values[i], ElementCount(i, values), position);
    }

    private void CheckCount(ReadOnlySpan<FieldValue> values)
    {
        if (values.Length != _fields.Length)
            throw new ArgumentException($"event {Layout.Name} has {_fields.Length} fields, {values.Length} values given", nameof(values));
    }

    private int ElementCount(int index, ReadOnlySpan<FieldValue> values)
    {
        FieldLayout field = _fields[index];
        if (field.Kind == FieldKind.Array)
            return field.Length;
        if (field.Kind != FieldKind.Sequence)
            return 0;
        int count = (int)values[_lengthSource[index]].Bits;
        if (count != (values[index].Elements?.Length ?? 0))
            throw new ArgumentException($"event {Layout.Name}: sequence {field.Name} has {values[index].Elements?.Length ?? 0} elements but its length field says {count}", nameof(values));
        return count;
    }

    /// <summary>
    /// Alignment of a field as CTF sees it: an array or sequence is aligned on its element's
    /// alignment even when it has no element, a string on a byte.
    /// </summary>
    public static int AlignmentOf(FieldLayout field) => field.Kind switch
    {
        FieldKind.String => 1,
        FieldKind.Array or FieldKind.Sequence => AlignmentOf(ElementOf(field)),
        _ => field.Alignment,
    };

    private int Align(int position, int alignment) => Layout.Packed ? position : (position + alignment - 1) & -alignment;

    private int Advance(FieldLayout field, in FieldValue value, int count, int position)
    {
        switch (field.Kind)
        {
            case FieldKind.String:
                return position + (value.Utf8?.Length ?? 0) + 1;
            case FieldKind.Array or FieldKind.Sequence:
                FieldLayout element = ElementOf(field);
                FieldValue[] elements = value.Elements ?? [];
                if (field.Kind == FieldKind.Array && elements.Length != count)
                    throw new ArgumentException($"event {Layout.Name}: array {field.Name} takes {count} elements, {elements.Length} given");
                position = Align(position, AlignmentOf(field));
                for (int k = 0; k < count; k++)
                    position = Advance(element, elements[k], ElementCountOfNested(element), position);
                return position;
            default:
                return Align(position, field.Alignment) + field.Size;
        }
    }

    private static int ElementCountOfNested(FieldLayout element) => element.Kind == FieldKind.Array ? element.Length : 0;

    private int WriteField(Span<byte> destination, FieldLayout field, in FieldValue value, int count, int position)
    {
        switch (field.Kind)
        {
            case FieldKind.String:
            {
                ReadOnlySpan<byte> text = value.Utf8;
                text.CopyTo(destination[position..]);
                destination[position + text.Length] = 0;
                return position + text.Length + 1;
            }
            case FieldKind.Array or FieldKind.Sequence:
            {
                FieldLayout element = ElementOf(field);
                FieldValue[] elements = value.Elements ?? [];
                position = Align(position, AlignmentOf(field));
                for (int k = 0; k < count; k++)
                    position = WriteField(destination, element, elements[k], ElementCountOfNested(element), position);
                return position;
            }
            case FieldKind.Float:
            {
                position = Align(position, field.Alignment);
                Span<byte> slot = destination.Slice(position, field.Size);
                bool big = field.ByteOrder == ByteOrder.BigEndian;
                if (field.Size == 4)
                {
                    if (big) BinaryPrimitives.WriteSingleBigEndian(slot, (float)value.Number);
                    else BinaryPrimitives.WriteSingleLittleEndian(slot, (float)value.Number);
                }
                else
                {
                    if (big) BinaryPrimitives.WriteDoubleBigEndian(slot, value.Number);
                    else BinaryPrimitives.WriteDoubleLittleEndian(slot, value.Number);
                }
                return position + field.Size;
            }
            default:
                position = Align(position, field.Alignment);
                WriteInteger(destination.Slice(position, field.Size), value.Bits, field.ByteOrder);
                return position + field.Size;
        }
    }

    /// <summary>Stores the low <c>destination.Length</c> bytes of <paramref name="bits"/> in the given byte order.</summary>
    public static void WriteInteger(Span<byte> destination, ulong bits, ByteOrder byteOrder)
    {
        int size = destination.Length;
        if (byteOrder == ByteOrder.LittleEndian)
        {
            switch (size)
            {
                case 1: destination[0] = (byte)bits; return;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)bits); return;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)bits); return;
                case 8: BinaryPrimitives.WriteUInt64LittleEndian(destination, bits); return;
            }
            for (int i = 0; i < size; i++)
                destination[i] = (byte)(bits >> (8 * i));
        }
        else
        {
            for (int i = 0; i < size; i++)
                destination[size - 1 - i] = (byte)(bits >> (8 * i));
        }
    }
}
