using System.Buffers.Binary;
using Ltt.Trace.Values;

namespace Ltt.Trace.Ftrace;

/// <summary>Turns fields of an ftrace record into the toolkit's value model (<see cref="FieldValue"/>), the one the CTF reader produces.</summary>
internal static class FtraceValues
{
    public static FieldValue Read(FtracePageCursor cursor, FtraceField field)
    {
        var data = Bytes(cursor, field);
        if (field.Kind == FtraceFieldKind.Scalar)
            return Number(data, field.Signed);
        if (field.IsText)
        {
            int nul = data.IndexOf((byte)0);
            return FieldValue.String(nul < 0 ? data : data[..nul]);
        }
        int size = field.ElementSize is 1 or 2 or 4 or 8 ? field.ElementSize : 1;
        var elements = new FieldValue[data.Length / size];
        for (int i = 0; i < elements.Length; i++)
            elements[i] = Number(data.Slice(i * size, size), field.Signed);
        return FieldValue.Array(elements);
    }

    public static ReadOnlySpan<byte> Bytes(FtracePageCursor cursor, FtraceField field)
    {
        var record = cursor.Record;
        switch (field.Kind)
        {
            case FtraceFieldKind.Scalar:
            case FtraceFieldKind.Array:
                return record.Slice(field.Offset, field.Size);
            case FtraceFieldKind.TrailingArray:
                return record[field.Offset..];
            default:
                cursor.DynamicBounds(field, out int offset, out int length);
                return record.Slice(offset, length);
        }
    }

    public static long Integer(ReadOnlySpan<byte> bytes, bool signed) => bytes.Length switch
    {
        1 => signed ? (sbyte)bytes[0] : bytes[0],
        2 => signed ? BinaryPrimitives.ReadInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => signed ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        _ => BinaryPrimitives.ReadInt64LittleEndian(bytes),
    };

    private static FieldValue Number(ReadOnlySpan<byte> bytes, bool signed) => FieldValue.FromBits((ulong)Integer(bytes, signed), signed);
}
