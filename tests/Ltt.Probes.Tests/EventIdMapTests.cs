using Ltt.Probes.Ids;

namespace Ltt.Probes.Tests;

public sealed class EventIdMapTests
{
    [Fact]
    public void AddingAnEventNeverRenumbersTheOthers()
    {
        var (first, added) = EventIdMap.Empty.Assign(["sched_switch", "irq_entry", "block_plug"]);
        Assert.Equal(["block_plug", "irq_entry", "sched_switch"], added);
        Assert.Equal([2, 3, 4], new[] { first["block_plug"], first["irq_entry"], first["sched_switch"] });

        var reread = EventIdMap.Parse(first.Write(), "ltt/event-ids");
        Assert.Empty(reread.Diagnostics);
        var (second, added2) = reread.Map.Assign(["aaa_new", "sched_switch", "irq_entry"]);

        Assert.Equal(["aaa_new"], added2);
        Assert.Equal(5, second["aaa_new"]);
        Assert.Equal(first["sched_switch"], second["sched_switch"]);
        // block_plug disappeared from the tree: it keeps its id, which is never handed out again.
        Assert.Equal(2, second["block_plug"]);
    }

    [Fact]
    public void ATracepointNameMayStartWithADigit()
    {
        // 9p's tracepoints: TRACE_EVENT(9p_client_req, ...) makes __tracepoint_9p_client_req.
        var (map, _) = EventIdMap.Empty.Assign(["9p_client_req", "sched_switch"]);

        var reread = EventIdMap.Parse(map.Write(), "ltt/event-ids");

        Assert.Empty(reread.Diagnostics);
        Assert.Equal(map["9p_client_req"], reread.Map["9p_client_req"]);
    }

    [Theory]
    [InlineData("2 a-b\n", 1, "expected '<id> <event>'")]
    [InlineData("2 a\n2 b\n", 2, "id 2 is given to b and to a (line 1)")]
    [InlineData("2 a\n3 a\n", 2, "event a has two ids")]
    [InlineData("1 a\n", 1, "an id from 2 to 65535")]
    [InlineData("x a\n", 1, "expected '<id> <event>'")]
    public void RejectsCollisionsWithTheirLine(string text, int line, string message)
    {
        var result = EventIdMap.Parse(text, "ltt/event-ids");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(line, diagnostic.Location.Line);
        Assert.Contains(message, diagnostic.Message);
    }
}
