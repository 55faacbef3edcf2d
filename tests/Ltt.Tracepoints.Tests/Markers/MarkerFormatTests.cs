using Ltt.Tracepoints.Markers;

namespace Ltt.Tracepoints.Tests.Markers;

public sealed class MarkerFormatTests
{
    [Fact]
    public void ParsesTheThreadExample()
    {
        var format = MarkerFormat.Parse("prev_pid %d next_pid %d prev_state #2d%ld");

        Assert.Equal(["prev_pid", "next_pid", "prev_state"], format.Fields.Select(f => f.Name));
        var state = format.Fields[2];
        Assert.Equal(new TraceType(2, Signed: true, NetworkByteOrder: false), state.TraceType);
        Assert.Equal("ld", state.Conversion);
        Assert.Equal(8, state.CSize(TargetAbi.X86_64));
        Assert.Equal(2, state.RecordedSize(TargetAbi.X86_64));
        Assert.True(state.RecordedSigned);
        Assert.Equal(4, format.Fields[0].RecordedSize(TargetAbi.X86_64));
    }

    [Theory]
    [InlineData("a %d", 4, true)]
    [InlineData("a %lu", 8, false)]
    [InlineData("a %llu", 8, false)]
    [InlineData("a %hhu", 1, false)]
    [InlineData("a %hd", 2, true)]
    [InlineData("a %p", 8, false)]
    [InlineData("a %zu", 8, false)]
    [InlineData("a #n4u%lu", 4, false)]
    [InlineData("a #8d %d", 8, true)]
    public void RecordsTheSizeTheTypesSay(string text, int size, bool signed)
    {
        var field = Assert.Single(MarkerFormat.Parse(text).Fields);
        Assert.Equal(size, field.RecordedSize(TargetAbi.X86_64));
        Assert.Equal(signed, field.RecordedSigned);
    }

    [Fact]
    public void SizesFollowTheAbi()
    {
        var field = Assert.Single(MarkerFormat.Parse("ip %p").Fields);
        Assert.Equal(4, field.RecordedSize(TargetAbi.I386));
        var ll = Assert.Single(MarkerFormat.Parse("t %llu").Fields);
        Assert.Equal(4, ll.RecordedAlignment(TargetAbi.I386, packed: false));
        Assert.Equal(1, ll.RecordedAlignment(TargetAbi.X86_64, packed: true));
    }

    [Theory]
    [InlineData("prev_pid %d next_pid %d prev_state #2d%ld")]
    [InlineData("filename %s fd %d")]
    [InlineData("addr #n4u%lu port #n2u%hu")]
    [InlineData("")]
    [InlineData("irq %u uuid #1u[16] %hhu")]
    [InlineData("args #8u[6] %lu id %ld")]
    [InlineData("cmd #1d[] %hhd errors %d")]
    [InlineData("cpus #8u[] %lu")]
    [InlineData("ports #n2u[4] %hu")]
    public void WritesWhatItReads(string text)
    {
        var format = MarkerFormat.Parse(text);
        Assert.Equal(text, format.ToString());
        Assert.Equal(format, MarkerFormat.Parse(format.ToString()));
    }

    [Fact]
    public void ArraysAndSequencesSayTheirShapeAndElement()
    {
        var format = MarkerFormat.Parse("uuid #1u[16] %hhu cmd #1d[]%hhd cpus #8u[] %lu");

        var uuid = format.Fields[0];
        Assert.True(uuid.IsArray);
        Assert.Equal(16, uuid.Array!.Length);
        Assert.Equal(1, uuid.RecordedSize(TargetAbi.X86_64));
        Assert.False(uuid.RecordedSigned);
        var cmd = format.Fields[1];
        Assert.True(cmd.IsSequence);
        Assert.True(cmd.RecordedSigned);
        Assert.Equal(8, format.Fields[2].RecordedAlignment(TargetAbi.X86_64, packed: false));
        Assert.Equal("uuid #1u[16] %hhu cmd #1d[] %hhd cpus #8u[] %lu", format.ToString());
    }

    [Theory]
    [InlineData("pid", 3, "expected a space")]
    [InlineData("pid %y", 5, "unknown conversion")]
    [InlineData("pid #3u%d", 5, "size of 1, 2, 4 or 8")]
    [InlineData("pid #2x%d", 6, "'u' (unsigned) or 'd' (signed)")]
    [InlineData("pid %d pid %d", 7, "appears twice")]
    [InlineData("name #2u%s", 9, "a string takes no trace type")]
    [InlineData("pid %", 5, "conversion ends early")]
    [InlineData("%d", 0, "expected a field name")]
    [InlineData("cmd [] %hhu", 4, "needs a trace type before '['")]
    [InlineData("cmd #1u[ %hhu", 8, "a number of elements, found ' '")]
    [InlineData("cmd #1u[4", 9, "is never closed")]
    [InlineData("cmd #1u[0] %hhu", 8, "1 to 65535 elements, not 0")]
    [InlineData("cmd #1u[65536] %hhu", 8, "1 to 65535 elements")]
    [InlineData("cmd #1u[x] %hhu", 8, "found 'x'")]
    [InlineData("cmd #3u[] %hhu", 5, "size of 1, 2, 4 or 8")]
    [InlineData("name #1u[] %s", 12, "a string takes no trace type")]
    public void ReportsWhereAFormatIsWrong(string text, int offset, string message)
    {
        Assert.False(MarkerFormat.TryParse(text, out _, out var error));
        Assert.Equal(offset, error.Offset);
        Assert.Contains(message, error.Message);
    }
}
