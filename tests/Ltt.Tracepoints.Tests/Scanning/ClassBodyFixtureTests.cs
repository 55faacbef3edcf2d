using Ltt.Testing;

namespace Ltt.Tracepoints.Tests.Scanning;

/// <summary>The class bodies of fixtures/bodies (see its README): wrapper macros, renamed arguments, #undef'd macros.</summary>
public sealed class ClassBodyFixtureTests
{
    private static readonly string Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "bodies");

    [Fact]
    public void WrappedBodiesGiveWhatTheyPassThroughAndDefineEventsTheirClasssArgumentNames()
    {
        var result = TracepointScanner.Scan(new ScanOptions { Tree = Tree });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var grow = Assert.Single(result.Sites, s => s.Name == "vol_grow");

        // The wrapper's own statement (the uuid copy) is not seen; the statements it passes are, at their line.
        Assert.Equal("__entry->id = v->id;\n\t__entry->count = count;", grow.Assign!.Text);
        Assert.Equal(34, grow.Assign.Location.Line);
        Assert.Equal("__field(u64, id)\n\t__field(u32, count)", grow.Entry!.Text);
        // Its prototype says volume and blocks; its class's code says v and count.
        Assert.Equal(["volume", "blocks"], grow.Args.Select(a => a.Name));
        Assert.Equal(["v", "count"], grow.AssignArgs);

        var name = Assert.Single(result.Sites, s => s.Name == "vol_name");
        Assert.Equal(["VOL_NONE"], name.HeaderUndefs);
        Assert.Equal("__assign_str(name, name ? name : VOL_NONE);", name.Assign!.Text);

        // vol_slot() is not declared where the header stands alone; memcpy and the trace macros need not be.
        Assert.Equal(["vol_slot"], Assert.Single(result.Sites, s => s.Name == "vol_slot").UndeclaredCalls);
        Assert.Empty(grow.UndeclaredCalls);
    }
}
