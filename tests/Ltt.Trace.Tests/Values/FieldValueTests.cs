using Ltt.Trace.Values;

namespace Ltt.Trace.Tests.Values;

/// <summary>The one value model compares by structure: numbers by value, floats by bits, text by bytes, lists and members element by element.</summary>
public sealed class FieldValueTests
{
    [Fact]
    public void IntegersCompareByNumericValueWhateverTheirSignedness()
    {
        Assert.Equal(FieldValue.Unsigned(5), FieldValue.Signed(5));
        Assert.Equal(FieldValue.Of(5), FieldValue.FromBits(5, signed: true));
        Assert.Equal(FieldValue.Of(-1), FieldValue.FromBits(ulong.MaxValue, signed: true));
        Assert.NotEqual(FieldValue.Signed(-1), FieldValue.Unsigned(ulong.MaxValue));
        Assert.Equal(FieldValue.Unsigned(ulong.MaxValue), FieldValue.Of(ulong.MaxValue));
        Assert.Equal(FieldValue.Signed(-1).GetHashCode(), FieldValue.FromBits(ulong.MaxValue, signed: true).GetHashCode());
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldValue.Of((Int128)ulong.MaxValue + 1));
    }

    [Fact]
    public void AnEnumerationValueIsItsIntegerAndItsLabel()
    {
        Assert.Equal(FieldValue.Enumeration(3, false, "READY"), FieldValue.Enumeration(3, true, "READY"));
        Assert.NotEqual(FieldValue.Enumeration(3, false, "READY"), FieldValue.Unsigned(3));
        Assert.NotEqual(FieldValue.Enumeration(3, false, "READY"), FieldValue.Enumeration(3, false, "RUNNING"));
        Assert.Equal("READY (3)", FieldValue.Enumeration(3, false, "READY").ToString());
    }

    [Fact]
    public void FloatsCompareByTheirBits()
    {
        Assert.Equal(FieldValue.Float(1.5), FieldValue.Float(1.5f));
        Assert.NotEqual(FieldValue.Float(0.0), FieldValue.Float(-0.0));
        Assert.Equal(FieldValue.Float(double.NaN), FieldValue.Float(double.NaN));
        Assert.NotEqual(FieldValue.Float(1), FieldValue.Unsigned(1));
    }

    [Fact]
    public void TextComparesByItsBytesAndEndsAtANul()
    {
        Assert.Equal(FieldValue.String("hé"), FieldValue.String([0x68, 0xC3, 0xA9]));
        Assert.Equal(FieldValue.String("ab"), FieldValue.String("ab\0cd"));
        Assert.NotEqual(FieldValue.String([0xFF]), FieldValue.String([0xFE]));
        Assert.Equal("\"hé\"", FieldValue.String("hé").ToString());
    }

    [Fact]
    public void ListsAndStructuresCompareElementByElement()
    {
        var list = FieldValue.Array(FieldValue.Unsigned(1), FieldValue.Signed(-2));
        Assert.Equal(list, FieldValue.Array(FieldValue.Of(1), FieldValue.Of(-2)));
        Assert.NotEqual(list, FieldValue.Array(FieldValue.Of(1)));
        Assert.NotEqual(list, FieldValue.Array(FieldValue.Of(1), FieldValue.Of(2)));
        Assert.Equal(list.GetHashCode(), FieldValue.Array(FieldValue.Of(1), FieldValue.Of(-2)).GetHashCode());

        var structure = FieldValue.Structure(new NamedValue("a", FieldValue.Unsigned(1)), new NamedValue("b", list));
        Assert.Equal(structure, FieldValue.Structure(new NamedValue("a", FieldValue.Signed(1)), new NamedValue("b", FieldValue.Array(FieldValue.Of(1), FieldValue.Of(-2)))));
        Assert.NotEqual(structure, FieldValue.Structure(new NamedValue("x", FieldValue.Unsigned(1)), new NamedValue("b", list)));
        Assert.Equal("{ a = 1, b = [1, -2] }", structure.ToString());
    }

    [Fact]
    public void DiagnosticTextShowsNonNegativeIntegersInHexadecimalToo()
    {
        Assert.Equal("300 (0x12c)", FieldValue.Unsigned(300).ToDiagnosticString());
        Assert.Equal("-5", FieldValue.Signed(-5).ToDiagnosticString());
        Assert.Equal("[1, 2]", FieldValue.Array(FieldValue.Of(1), FieldValue.Of(2)).ToDiagnosticString());
    }
}
