using Ltt.Testing;

namespace Ltt.Tracepoints.Tests.Scanning;

/// <summary>
/// Every TRACE_EVENT-family site keeps its class's TP_STRUCT__entry and TP_fast_assign bodies as
/// written, line breaks included, with the line they start on, and the argument names they use.
/// </summary>
public sealed class ClassBodyTests
{
    [Fact]
    public void DefineEventsCarryTheirClasssBodiesWithTheirLines()
    {
        var result = TracepointScanner.Scan(new ScanOptions { Tree = RepoPaths.KernelTree, Paths = ["include/trace/events/block.h"] });
        var timeout = Assert.Single(result.Sites, s => s.Name == "block_rq_timeout");
        var assign = timeout.Assign!;
        string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.KernelTree, "include/trace/events/block.h"));

        // The body starts at the first statement, at its line in the header.
        Assert.Equal("include/trace/events/block.h", assign.Location.File);
        Assert.StartsWith("__entry->dev", lines[assign.Location.Line - 1].Trim());
        // A token's line is its line in the file.
        Assert.Contains("memcpy(__get_dynamic_array(cmd)", assign.Text);
        var memcpy = assign.Tokens.Single(t => t.Is("memcpy"));
        Assert.Contains("memcpy(__get_dynamic_array(cmd)", lines[assign.LocationOf(memcpy).Line - 1]);
        Assert.Contains("__dynamic_array( char, cmd, blk_cmd_buf_len(rq))", timeout.Entry!.Text);
        Assert.Equal(["q", "rq"], timeout.AssignArgs);

        // Its sibling class instances share the same bodies.
        Assert.Equal(assign, Assert.Single(result.Sites, s => s.Name == "block_rq_error").Assign);
    }
}
