using Ltt.Probes.Spec;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests.Kprobes;

/// <summary>The spec's <c>kprobe</c> and <c>kretprobe</c> statements.</summary>
public sealed class KprobeSpecTests
{
    [Fact]
    public void AKprobeNamesItsFunctionChannelMarkerAndValuesWithStringsMarked()
    {
        var parsed = ProbeSpecParser.Parse("kprobe do_sys_openat2 -> fs.open: dfd, filename as string, how->flags\n", "ltt/probes.spec");
        Assert.Empty(parsed.Diagnostics);
        var k = Assert.Single(parsed.Spec.Kprobes);
        Assert.Equal(("do_sys_openat2", false, "fs", "open", "kprobe_do_sys_openat2"), (k.Function, k.Return, k.Channel, k.Marker, k.EventName));
        Assert.Equal(["dfd", "filename", "how->flags"], k.Items.Select(i => i.Path));
        Assert.Equal([false, true, false], k.Items.Select(i => i.AsString));
        Assert.Empty(parsed.Spec.Entries);
    }

    [Fact]
    public void AKretprobeRecordsItsReturnValueUnderDefaultNames()
    {
        var parsed = ProbeSpecParser.Parse("kretprobe vfs_read: $retval\n", "ltt/probes.spec");
        Assert.Empty(parsed.Diagnostics);
        var k = Assert.Single(parsed.Spec.Kprobes);
        Assert.Equal(("kprobes", "vfs_read_return", "kretprobe_vfs_read"), (k.Channel, k.Marker, k.EventName));
        Assert.Equal("retval", Assert.Single(k.Items).FieldName);
    }

    [Theory]
    [InlineData("kprobe vfs_read: $retval", "$retval is a kretprobe's value")]
    [InlineData("kretprobe vfs_read: count", "a kretprobe records only $retval")]
    [InlineData("kprobe vfs-read: count", "expected 'kprobe <function>")]
    [InlineData("kprobe vfs_read -> fs: count", "expected '-> <channel>.<marker>'")]
    [InlineData("kprobe vfs_read: count,, pos", "empty value")]
    [InlineData("kprobe vfs_read: count\nkprobe vfs_read: pos", "described twice (first at line 1)")]
    public void MistakesAreErrorsAtTheirLine(string text, string message)
    {
        var parsed = ProbeSpecParser.Parse(text + "\n", "ltt/probes.spec");
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(message, error.Message);
        Assert.Equal(text.Count(c => c == '\n') + 1, error.Location.Line);
    }
}
