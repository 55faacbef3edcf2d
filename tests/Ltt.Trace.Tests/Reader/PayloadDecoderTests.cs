using Ltt.Trace.Layout;
using Ltt.Trace.Reader;
using Ltt.Trace.Serialization;
using Ltt.Trace.Values;

namespace Ltt.Trace.Tests.Reader;

/// <summary>
/// Single payloads decode with the trace reader's own decoder into the values the serializer
/// was given (structural equality), with each field's offset, and damage is named by field and offset.
/// </summary>
public sealed class PayloadDecoderTests
{
    private static readonly EventLayout Mixed = new(7, "mixed", "c",
    [
        FieldLayout.String("s"),
        FieldLayout.Integer("n", 1, signed: false),
        new FieldLayout("seq", FieldKind.Sequence, 2, 2, LengthField: "n", Element: FieldLayout.Integer("seq", 2, signed: true)),
        new FieldLayout("arr", FieldKind.Array, 1, 1, Length: 2, Element: FieldLayout.Integer("arr", 1, signed: false)),
        new FieldLayout("f", FieldKind.Float, 4, 4),
        FieldLayout.Integer("be", 2, signed: true, byteOrder: ByteOrder.BigEndian),
        FieldLayout.Integer("odd", 3, signed: false, alignment: 1),
        FieldLayout.Integer("last", 8, signed: true),
    ]);

    private static readonly EventCatalog Catalog = new("x86_64", 8, ByteOrder.LittleEndian, [Mixed]);

    private static readonly FieldValue[] Values =
    [
        FieldValue.String("hé"), FieldValue.Unsigned(2), FieldValue.Array(FieldValue.Signed(-1), FieldValue.Signed(0x203)),
        FieldValue.Array(FieldValue.Unsigned(7), FieldValue.Unsigned(8)), FieldValue.Float(1.5),
        FieldValue.Signed(-300), FieldValue.Unsigned(0xABCDEF), FieldValue.Signed(long.MinValue),
    ];

    [Fact]
    public void DecodesWhatTheSerializerWrote()
    {
        byte[] payload = Serialize(Values);
        Assert.True(PayloadDecoder.TryCreate(Catalog, out var decoder, out string? error), error);

        var result = decoder.Decode(7, payload);

        Assert.Null(result.Error);
        Assert.Equal(payload.Length, result.BytesRead);
        Assert.Equal(Mixed.Fields.Select(f => f.Name), result.Fields.Select(f => f.Name));
        Assert.Equal(Values, result.Fields.Select(f => f.Value));
        // "hé\0" at 0, n at 4, the sequence aligned to 2 at 6, the array at 10, the float aligned to 4 at 12.
        Assert.Equal([0, 4, 6, 10, 12, 16, 18, 24], result.Fields.Select(f => f.Offset));
    }

    [Fact]
    public void ACutPayloadNamesTheFieldTheOffsetAndTheSize()
    {
        byte[] payload = Serialize(Values)[..20];
        Assert.True(PayloadDecoder.TryCreate(Catalog, out var decoder, out string? error), error);

        var result = decoder.Decode(7, payload);

        Assert.Equal("field 'odd': needs 3 bytes at offset 18, the payload has 20", result.Error);
        Assert.Equal(6, result.Fields.Count);
    }

    [Fact]
    public void AStringWithoutNulAndAnUnknownIdAreReported()
    {
        Assert.True(PayloadDecoder.TryCreate(Catalog, out var decoder, out string? error), error);

        Assert.Equal("field 's': string at offset 0 has no NUL before the end of the payload (3 bytes)", decoder.Decode(7, "abc"u8).Error);
        Assert.Equal("events.json has no event with id 8", decoder.Decode(8, []).Error);
    }

    private static byte[] Serialize(FieldValue[] values)
    {
        Assert.True(EventSerializer.TryCreate(Mixed, out var serializer, out string? error), error);
        var bytes = new byte[serializer.Measure(values)];
        serializer.Write(bytes, values);
        return bytes;
    }
}
