using System.Text;
using Ltt.Testing;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Text;

namespace Ltt.Trace.Tests.Reader;

/// <summary><c>ltt-trace dump</c> prints byte for byte what <c>babeltrace2 TRACE</c> prints, on real LTTng traces and on the crafted ones.</summary>
public sealed class DumpMatchesBabeltraceTests
{
    public static TheoryData<string> Traces()
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(RepoPaths.TestData("data", "lttng-traces")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoPaths.TestData("data"), dir));
        string succeed = RepoPaths.TestData("data", "ctf-traces", "succeed");
        if (Directory.Exists(succeed))
        {
            foreach (string dir in Directory.GetDirectories(succeed).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(RepoPaths.TestData("data"), dir));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void PrintsWhatBabeltracePrints(string trace)
    {
        string path = RepoPaths.TestData("data", trace);
        var (expected, stderr, exit) = Babeltrace.Run(path);
        Assert.True(exit == 0, $"babeltrace2 failed on {trace}: {stderr}");

        var opened = TraceSet.Open(path);
        Assert.True(opened.Traces is not null, string.Join("\n", opened.Diagnostics));
        using var traces = opened.Traces;
        using var output = new MemoryStream();
        var result = TraceDump.Write(traces, output);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Events > 0);
        string[] ours = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        string[] theirs = Encoding.UTF8.GetString(expected).Split('\n');
        for (int i = 0; i < Math.Min(ours.Length, theirs.Length); i++)
            Assert.True(ours[i] == theirs[i], $"line {i + 1} differs:\n ours:        {ours[i]}\n babeltrace2: {theirs[i]}");
        Assert.Equal(theirs.Length, ours.Length);
        Assert.Equal(expected, output.ToArray());
    }
}
