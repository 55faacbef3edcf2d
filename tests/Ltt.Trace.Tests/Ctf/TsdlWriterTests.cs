using Ltt.Trace.Ctf;
using Ltt.Trace.Layout;
using Ltt.Trace.Serialization;
using Ltt.Trace.Tests.Runtime;

namespace Ltt.Trace.Tests.Ctf;

public sealed class TsdlWriterTests
{
    private static readonly CtfTraceParameters Parameters = new(new Guid("c1e263c1-051c-4ca5-a5bc-76305850b14d"), ClockOffset: 1795684649973481306,
        Environment: [new("domain", "ust"), new("tracer_major", 1L)]);

    [Fact]
    public void WritesTheBuiltInEventLikeLttngUst()
    {
        string text = TsdlWriter.Write(ThreeIntegers.Catalog, Parameters);

        Assert.StartsWith("/* CTF 1.8 */\n", text);
        Assert.Contains("\tuuid = \"c1e263c1-051c-4ca5-a5bc-76305850b14d\";\n", text);
        Assert.Contains("\toffset = 1795684649973481306;\n", text);
        Assert.Contains("\tenum : uint5_t { compact = 0 ... 30, extended = 31 } id;\n", text);
        Assert.Contains("\tuint64_t events_discarded;\n\tuint32_t cpu_id;\n", text);
        Assert.Contains("\t\tinteger { size = 64; align = 64; signed = 0; byte_order = le; base = 10; } _a;\n", text);
        Assert.Contains("\t\tinteger { size = 32; align = 32; signed = 1; byte_order = le; base = 10; } _b;\n", text);
        Assert.Contains("\tname = \"ltt_trace:three_ints\";\n\tid = 0;\n\tstream_id = 0;\n", text);
        Assert.DoesNotContain("\r", text);
        Assert.Equal(text, TsdlWriter.Write(ThreeIntegers.Catalog, Parameters));
    }

    [Fact]
    public void MapsEveryFieldKind()
    {
        string text = TsdlWriter.WritePayloadFields(AllKinds.Catalog.Events[1]);
        Assert.Equal(
            "\t\tstring _name;\n" +
            "\t\tinteger { size = 16; align = 16; signed = 0; byte_order = le; base = 10; } _arr[4];\n" +
            "\t\tinteger { size = 8; align = 8; signed = 0; byte_order = le; base = 10; } _len;\n" +
            "\t\tinteger { size = 32; align = 32; signed = 1; byte_order = le; base = 10; } _seq[_len];\n" +
            "\t\tinteger { size = 8; align = 8; signed = 0; byte_order = le; base = 10; } _marker;\n" +
            "\t\tinteger { size = 8; align = 8; signed = 0; byte_order = le; base = 10; encoding = UTF8; } _text[8];\n" +
            "\t\tinteger { size = 64; align = 64; signed = 0; byte_order = le; base = 10; } _last;\n",
            text);
        string numbers = TsdlWriter.WritePayloadFields(AllKinds.Catalog.Events[0]);
        Assert.Contains("integer { size = 16; align = 16; signed = 1; byte_order = be; base = 10; } _be16;", numbers);
        Assert.Contains("integer { size = 24; align = 8; signed = 0; byte_order = le; base = 10; } _odd;", numbers);
        Assert.Contains("floating_point { exp_dig = 8; mant_dig = 24; align = 32; byte_order = le; } _f32;", numbers);
        Assert.Contains("floating_point { exp_dig = 11; mant_dig = 53; align = 64; byte_order = le; } _f64;", numbers);
    }

    [Fact]
    public void EscapesNamesDeterministically()
    {
        var layout = new EventLayout(7, "odd \"name\"", "c",
        [
            FieldLayout.Integer("struct", 4, signed: false),
            FieldLayout.Integer("a.b", 4, signed: false),
            FieldLayout.Integer("a_b", 4, signed: false),
            FieldLayout.Integer("2nd", 4, signed: false),
            new FieldLayout("items", FieldKind.Sequence, 1, 1, LengthField: "a.b"),
        ]);
        string text = TsdlWriter.WritePayloadFields(layout);
        Assert.Contains(" _struct;", text);
        Assert.Contains(" _a_b;", text);
        Assert.Contains(" _a_b_2;", text);
        Assert.Contains(" _2nd;", text);
        Assert.Contains(" _items[_a_b];", text);
        Assert.Equal("\"odd \\\"name\\\"\"", TsdlNames.Quote(layout.Name));
    }

    [Fact]
    public void PackedEventsAreByteAligned()
    {
        var layout = new EventLayout(1, "p", "c", [FieldLayout.Integer("x", 8, signed: false)], Packed: true);
        Assert.Contains("size = 64; align = 8;", TsdlWriter.WritePayloadFields(layout));
    }
}
