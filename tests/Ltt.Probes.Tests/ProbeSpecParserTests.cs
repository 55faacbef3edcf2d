using Ltt.Probes.Spec;

namespace Ltt.Probes.Tests;

public sealed class ProbeSpecParserTests
{
    [Fact]
    public void ReadsEntriesStructsChannelsAndIncludes()
    {
        var result = ProbeSpecParser.Parse("""
            # comment
            channel sched kernel
            include ext4 fs/ext4/mballoc.h
            sched_switch -> kernel.sched_schedule: prev->pid, next->pid,
            	prev->state as #2d   # continued
            struct task_struct: pid, name = comm
            block_plug: -
            irq_exit -> kernel.irq_exit:
            """, "ltt/probes.spec");

        Assert.Empty(result.Diagnostics);
        var entry = result.Spec.Entries["sched_switch"];
        Assert.Equal(("kernel", "sched_schedule"), (entry.Channel, entry.Marker));
        Assert.Equal(["prev_pid", "next_pid", "prev_state"], entry.Items.Select(i => i.FieldName));
        Assert.Equal("#2d", entry.Items[2].TraceType!.ToString());
        Assert.Equal(4, entry.Location.Line);
        Assert.Equal(["pid", "name"], result.Spec.Structs["task_struct"].Members.Select(m => m.FieldName));
        Assert.True(result.Spec.Entries["block_plug"].Skip);
        Assert.Empty(result.Spec.Entries["irq_exit"].Items);
        Assert.Equal("kernel", result.Spec.Channels["sched"]);
        Assert.Equal(["fs/ext4/mballoc.h"], result.Spec.Includes["ext4"]);
    }

    [Theory]
    [InlineData("sched_switch: prev->pid as #3d", 1, "trace type needs a size of 1, 2, 4 or 8 bytes")]
    [InlineData("\n\nsched_switch: prev->>pid", 3, "is not an argument or a member path")]
    [InlineData("sched_switch: a, , b", 1, "empty value")]
    [InlineData("sched_switch: pid, pid", 1, "field 'pid' is recorded twice")]
    [InlineData("sched_switch: a\nsched_switch: b", 2, "described twice (first at line 1)")]
    [InlineData("include kernel ../../etc/passwd.h", 1, "expected 'include <channel> <header.h>'")]
    [InlineData("sched_switch -> kernel: pid", 1, "expected '-> <channel>.<marker>'")]
    [InlineData("just words", 1, "expected '<tracepoint>: <values>'")]
    public void NamesTheLineOfEachMistake(string text, int line, string message)
    {
        var result = ProbeSpecParser.Parse(text, "ltt/probes.spec");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(new Ltt.Tracepoints.Model.SourceLocation("ltt/probes.spec", line), diagnostic.Location);
        Assert.Contains(message, diagnostic.Message);
    }
}
