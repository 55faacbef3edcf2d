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
        // VOL_NONE is #undef'd by the header, where no probe can see it: it is expanded in the body.
        Assert.Equal("__assign_str(name, name ? name : \"(none)\");", name.Assign!.Text);

        // vol_slot() is not declared where the header stands alone; memcpy and the trace macros need not be.
        Assert.Equal(["vol_slot"], Assert.Single(result.Sites, s => s.Name == "vol_slot").UndeclaredCalls);
        Assert.Empty(grow.UndeclaredCalls);
    }

    [Fact]
    public void MacrosThatStandForFieldsAndStatementsAreExpandedCommentsAreNoTokens()
    {
        var result = TracepointScanner.Scan(new ScanOptions { Tree = Tree });

        // TRACE_EVENT(/* up */ wlan_up, ...): the comment is not part of the name.
        var up = Assert.Single(result.Sites, s => s.Name == "wlan_up");
        Assert.Equal(["wiphy", "idx", "reason"], up.Fields.Where(f => f.Macro != "common").Select(f => f.Name));
        // WLAN_ENTRY and WLAN_ASSIGN(w) (include/linux/wlan.h) are expanded, on the line of their use.
        Assert.Equal("__array(char, wiphy, 8)\n\t__field(int, idx)\n\t__field(int, reason)", up.Entry!.Text);
        Assert.Equal("do { memcpy(__entry->wiphy, (w)->name, 8); (__entry->idx) = ((w)->idx); } while (0);\n\t__entry->reason = reason;", up.Assign!.Text);
        Assert.Equal(24, up.Assign.Location.Line);
    }
}
