using Ltt.Trace.Layout;
using Ltt.Trace.Serialization;
using Ltt.Trace.Values;

namespace Ltt.Trace.Tests.Serialization;

public sealed class EventSerializerTests
{
    [Fact]
    public void WritesIntegersOfEverySizeInBothByteOrdersWithAlignment()
    {
        var layout = new EventLayout(1, "ints", "c",
        [
            FieldLayout.Integer("u8", 1, signed: false),
            FieldLayout.Integer("s16be", 2, signed: true, byteOrder: ByteOrder.BigEndian),
            FieldLayout.Integer("u24", 3, signed: false, alignment: 1),
            FieldLayout.Integer("s32", 4, signed: true),
            FieldLayout.Integer("u40be", 5, signed: false, alignment: 1, byteOrder: ByteOrder.BigEndian),
            FieldLayout.Integer("s64", 8, signed: true),
        ]);
        Assert.True(EventSerializer.TryCreate(layout, out var serializer, out var error), error);
        FieldValue[] values =
        [
            FieldValue.Unsigned(0xAB), FieldValue.Signed(-2), FieldValue.Unsigned(0x123456),
            FieldValue.Signed(-3), FieldValue.Unsigned(0x0102030405), FieldValue.Signed(long.MinValue),
        ];
        Assert.Equal(32, serializer.Measure(values));
        var bytes = new byte[32];
        serializer.Write(bytes, values);
        Assert.Equal(
            "AB-00-FF-FE-56-34-12-00-FD-FF-FF-FF-01-02-03-04-05-" + string.Join("-", Enumerable.Repeat("00", 14)) + "-80",
            BitConverter.ToString(bytes));
        Assert.Equal(8, serializer.Alignment);
    }

    [Fact]
    public void WritesStringsArraysSequencesAndFloats()
    {
        var layout = new EventLayout(2, "mixed", "c",
        [
            FieldLayout.String("s"),
            FieldLayout.Integer("n", 1, signed: false),
            new FieldLayout("seq", FieldKind.Sequence, 2, 2, LengthField: "n", Element: FieldLayout.Integer("seq", 2, signed: false)),
            new FieldLayout("arr", FieldKind.Array, 1, 1, Length: 2, Element: FieldLayout.Integer("arr", 1, signed: false)),
            new FieldLayout("f", FieldKind.Float, 4, 4),
        ]);
        Assert.True(EventSerializer.TryCreate(layout, out var serializer, out var error), error);
        FieldValue[] values =
        [
            FieldValue.String("hé"), FieldValue.Unsigned(2), FieldValue.Array(FieldValue.Unsigned(1), FieldValue.Unsigned(0x203)),
            FieldValue.Array(FieldValue.Unsigned(7), FieldValue.Unsigned(8)), FieldValue.Float(1.5),
        ];
        int size = serializer.Measure(values);
        var bytes = new byte[size];
        serializer.Write(bytes, values);
        // "hé\0" (4 bytes), n at 4, sequence aligned to 2 at 6, array at 10, float aligned to 4 at 12.
        Assert.Equal("68-C3-A9-00-02-00-01-00-03-02-07-08-00-00-C0-3F", BitConverter.ToString(bytes));
    }

    [Fact]
    public void AnEmptySequenceIsStillAligned()
    {
        var layout = new EventLayout(3, "empty", "c",
        [
            FieldLayout.Integer("n", 1, signed: false),
            new FieldLayout("seq", FieldKind.Sequence, 4, 4, LengthField: "n", Element: FieldLayout.Integer("seq", 4, signed: false)),
            FieldLayout.Integer("after", 1, signed: false),
        ]);
        Assert.True(EventSerializer.TryCreate(layout, out var serializer, out _));
        FieldValue[] values = [FieldValue.Unsigned(0), FieldValue.Array(), FieldValue.Unsigned(9)];
        Assert.Equal(5, serializer.Measure(values));
    }

    [Fact]
    public void RejectsLayoutsItCannotWrite()
    {
        Assert.False(EventSerializer.TryCreate(new EventLayout(1, "e", "c", [FieldLayout.Integer("x", 9, signed: false, alignment: 8)]), out _, out string? error));
        Assert.Contains("integer size 9", error);
        Assert.False(EventSerializer.TryCreate(new EventLayout(1, "e", "c", [new FieldLayout("s", FieldKind.Sequence, 1, 1, LengthField: "missing")]), out _, out error));
        Assert.Contains("'missing'", error);
    }

    [Fact]
    public void TheTypedPayloadMatchesItsLayout()
    {
        Assert.True(EventSerializer.TryCreate(ThreeIntegers.Layout, out var serializer, out _));
        FieldValue[] values = [FieldValue.Unsigned(0x1122334455667788), FieldValue.Signed(-5), FieldValue.Unsigned(9)];
        var viaLayout = new byte[serializer.Measure(values)];
        serializer.Write(viaLayout, values);
        var typed = new byte[ThreeIntegers.Size];
        new ThreeIntegers(0x1122334455667788, -5, 9).WriteTo(ref typed[0]);
        Assert.Equal(viaLayout, typed);
        Assert.Equal(ThreeIntegers.Alignment, serializer.Alignment);
    }
}
