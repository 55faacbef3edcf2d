using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Tests.Reader;

/// <summary>TSDL parsing: declarations and scopes, enumerations, clocks, and errors that name their line.</summary>
public sealed class TsdlParserTests
{
    private const string Header = """
        /* CTF 1.8 */
        typealias integer { size = 8; align = 8; signed = false; } := uint8_t;
        typealias integer { size = 32; align = 8; signed = false; } := uint32_t;
        trace { major = 1; minor = 8; byte_order = be; };

        """;

    [Fact]
    public void ReadsAliasesEnumsSequencesAndClocks()
    {
        var result = TsdlParser.Parse(Header + """
            clock { name = "c"; freq = 1000; offset_s = 10; offset = 2500; };
            enum colour : uint8_t { RED, GREEN = 5, BLUE, "DARK GREY" = 10 ... 12 };
            event {
                name = "e";
                fields := struct {
                    enum colour _c;
                    uint8_t _n;
                    uint32_t _v[_n];
                    typealias integer { size = 4; align = 1; signed = true; byte_order = le; base = hex; } := nibble;
                    nibble _x[2][3];
                };
            };
            """);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var trace = result.Trace!;
        Assert.Equal(CtfByteOrder.BigEndian, trace.ByteOrder);
        var clock = Assert.Single(trace.Clocks);
        Assert.Equal(12L, clock.OffsetSeconds);
        Assert.Equal(500L, clock.OffsetCycles);
        var ev = Assert.Single(trace.AllEvents);
        var fields = ev.Payload!.Members;
        var colour = Assert.IsType<CtfEnumType>(fields[0].Type);
        Assert.Equal(["RED 0..0", "GREEN 5..5", "BLUE 6..6", "DARK GREY 10..12"], colour.Mappings.Select(m => $"{m.Label} {m.Lower}..{m.Upper}"));
        Assert.Equal("_n", Assert.IsType<CtfSequenceType>(fields[2].Type).LengthPath);
        var outer = Assert.IsType<CtfArrayType>(fields[3].Type);
        var inner = Assert.IsType<CtfArrayType>(outer.Element);
        Assert.Equal((2L, 3L), (outer.Length, inner.Length));
        var nibble = Assert.IsType<CtfIntegerType>(inner.Element);
        Assert.Equal((4, true, CtfByteOrder.LittleEndian, 16), (nibble.SizeBits, nibble.Signed, nibble.ByteOrder, nibble.DisplayBase));
    }

    [Fact]
    public void AliasDeclaredInsideAStructureDoesNotLeakOut()
    {
        var result = TsdlParser.Parse(Header + """
            event { name = "a"; fields := struct { typealias integer { size = 16; } := local_t; local_t _x; }; };
            event { name = "b"; id = 1; fields := struct { local_t _y; }; };
            """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(6, error.Line);
        Assert.Contains("unknown type 'local_t'", error.Message);
    }

    [Theory]
    [InlineData("event { name = \"e\"; fields := struct { uint32_t _a uint32_t _b; }; };", 5, "expected ';' after '_a', found 'uint32_t'")]
    [InlineData("event { name = \"e\"; fields := struct { integer { align = 8; } _a; }; };", 5, "integer without a size")]
    [InlineData("event { name = \"e\";\n fields := struct { uint32_t _a[_missing]; };\n};", 0, "names no earlier integer field")]
    [InlineData("clock { name = c; freq = 0; };", 5, "clock frequency must be positive")]
    [InlineData("stream { id = 0; }; stream { id = 0; };", 5, "stream id 0 declared twice")]
    [InlineData("event { name = \"e\"; id = 3; }; event { name = \"f\"; id = 3; };", 0, "reuses id 3")]
    [InlineData("event { name = \"e\"; fields := struct { uint32_t _a; }; }; /* never closed", 5, "unterminated comment")]
    public void ErrorsNameTheLine(string text, int line, string message)
    {
        var result = TsdlParser.Parse(Header + text);
        if (!result.HasErrors)
        {
            // Path errors surface when layouts are compiled, as the reader opens the trace.
            string dir = Path.Combine(Path.GetTempPath(), $"ltt-tsdl-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            try
            {
                File.WriteAllText(Path.Combine(dir, "metadata"), Header + text);
                var opened = Ltt.Trace.Reader.TraceSet.Open(dir);
                Assert.True(opened.HasErrors);
                Assert.Contains(opened.Diagnostics, d => d.Message.Contains(message));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
            return;
        }
        var error = result.Diagnostics[0];
        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Line);
    }
}
