using System.Text;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Text;
using Ltt.Trace.Tests.Runtime;
using Ltt.Trace.Validation;

namespace Ltt.Trace.Tests.Reader;

/// <summary>
/// The parallel paths (a stream per worker for stats and validate; streams formatted in
/// parallel and merged for dump) give what the one-thread merge gives, on the stream shapes that
/// stress them: many streams, very different lengths, empty files, packets without events, and
/// packets stored out of time order.
/// </summary>
public sealed class ParallelReadingTests
{
    private static readonly CraftedStreams.StreamPlan[] ManyStreams =
    [
        .. Enumerable.Range(0, 20).Select(i => new CraftedStreams.StreamPlan($"stream_{i:D2}", [.. Enumerable.Repeat(40 + 37 * i, 1 + i % 4)])),
        new("stream_long", [.. Enumerable.Repeat(900, 40)]),
        new("stream_empty_file", []),
        new("stream_empty_packets", [0, 0, 3, 0]),
        new("stream_one_event", [1]),
    ];

    [Fact]
    public void StatsOverManyStreamsCountWhatWasWrittenAndWhatTheMergeSees()
    {
        using var dir = new TempTrace();
        var written = CraftedStreams.Write(dir.Path, ManyStreams, seed: 1);

        using var traces = Open(dir.Path);
        var stats = TraceStatistics.Collect(traces);

        Assert.Empty(stats.Diagnostics);
        Assert.Equal(written.Values.Sum(), stats.Events);
        Assert.Equal(written.Where(w => w.Value > 0).OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (w.Key, w.Value)), stats.PerEventClass);
        var perStream = stats.PerStream.ToDictionary(s => s.Stream);
        Assert.All(ManyStreams, plan => Assert.Equal(plan.EventsPerPacket.Sum(), perStream[plan.File].Events));
        Assert.All(ManyStreams, plan => Assert.Equal(plan.EventsPerPacket.Length, perStream[plan.File].Packets));

        using var merged = Open(dir.Path);
        var (events, first, last) = WalkMerge(merged);
        Assert.Equal(events, stats.Events);
        Assert.Equal(first, stats.FirstNs);
        Assert.Equal(last, stats.LastNs);
    }

    [Fact]
    public void ParallelDumpOfManyStreamsIsTheMergeAndWhatBabeltracePrints()
    {
        using var dir = new TempTrace();
        CraftedStreams.Write(dir.Path, ManyStreams, seed: 2);

        byte[] parallel = Dump(dir.Path, parallel: true, out var result);
        byte[] sequential = Dump(dir.Path, parallel: false, out _);
        var (expected, stderr, exit) = Babeltrace.Run(dir.Path);

        Assert.Empty(result.Diagnostics);
        Assert.True(exit == 0, stderr);
        Assert.Equal(Encoding.UTF8.GetString(sequential), Encoding.UTF8.GetString(parallel));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(parallel));
        Assert.Equal(ManyStreams.Sum(p => p.EventsPerPacket.Sum()), result.Events);
    }

    [Fact]
    public void ValidateReadsEveryStreamAndFindsNothingInASoundTrace()
    {
        using var dir = new TempTrace();
        CraftedStreams.Write(dir.Path, ManyStreams, seed: 3);

        using var traces = Open(dir.Path);
        var report = TraceValidator.Validate(dir.Path, traces);

        Assert.True(report.Passed, string.Join("\n", report.Findings));
        Assert.Equal(ManyStreams.Sum(p => p.EventsPerPacket.Sum()), report.Events);
        Assert.Equal(ManyStreams.Sum(p => p.EventsPerPacket.Length), report.Packets);
    }

    [Fact]
    public void PacketsStoredOutOfOrderAreReadInFileOrderByEveryPathAndReported()
    {
        using var dir = new TempTrace();
        CraftedStreams.StreamPlan[] plans =
        [
            new("stream_a", [200, 150, 300, 10], StoredOrder: [2, 0, 3, 1]),
            new("stream_b", [500, 500]),
            new("stream_c", [5]),
        ];
        CraftedStreams.Write(dir.Path, plans, seed: 4);

        byte[] parallel = Dump(dir.Path, parallel: true, out var result);
        byte[] sequential = Dump(dir.Path, parallel: false, out _);
        Assert.Equal(Encoding.UTF8.GetString(sequential), Encoding.UTF8.GetString(parallel));
        Assert.Equal(1665, result.Events);

        using (var traces = Open(dir.Path))
        {
            var stats = TraceStatistics.Collect(traces);
            Assert.Equal(1665, stats.Events);
            Assert.Equal(4, stats.PerStream.Single(s => s.Stream == "stream_a").Packets);
        }

        using (var traces = Open(dir.Path))
        {
            var findings = TraceValidator.Validate(dir.Path, traces).Findings.ToList();
            Assert.Contains(findings, f => f.Check == "timestamps" && f.File == "stream_a" && f.Packet == 1 && f.Message.Contains("before the previous packet ended"));
            Assert.Contains(findings, f => f.Check == "packet-counters" && f.File == "stream_a" && f.Message.Contains("from 2 back to 0"));
            Assert.DoesNotContain(findings, f => f.File != "stream_a");
        }
    }

    [Fact]
    public void ValidateInLeanRunsFindsEveryEventPastItsPacketsEndAsTheOpWalkerDoes()
    {
        // validate reads runs of lean events in one loop, as stats does; a run must stop at each
        // event a pass reports, so the findings are the event-by-event read's, one by one.
        using var dir = new TempTrace();
        CraftedStreams.Write(dir.Path, [new("stream_a", [300, 300], EndAtEvent: 120), new("stream_b", [50])], seed: 6);

        ValidationReport Validate(bool shortcuts)
        {
            using var traces = Open(dir.Path);
            foreach (var stream in traces.Streams)
                stream.Shortcuts = shortcuts;
            return TraceValidator.Validate(dir.Path, traces);
        }
        var fast = Validate(shortcuts: true);
        var slow = Validate(shortcuts: false);

        var past = fast.Findings.Where(f => f.Check == "timestamps" && f.Message.Contains("after its packet's timestamp_end")).ToList();
        Assert.Equal(2 * 179, past.Count);
        Assert.Equal(slow.Findings.Select(f => f.ToString()), fast.Findings.Select(f => f.ToString()));
        Assert.Equal((slow.Events, slow.Packets), (fast.Events, fast.Packets));
        Assert.Equal(650, fast.Events);
    }

    [Fact]
    public void ShortcutsDecodeEveryFieldAsTheOpWalkerDoes()
    {
        using var dir = new TempTrace();
        CraftedStreams.Write(dir.Path, ManyStreams, seed: 5);
        string[] traces =
        [
            dir.Path,
            .. Directory.GetDirectories(Ltt.Testing.RepoPaths.TestData("data", "lttng-traces")),
            .. Directory.GetDirectories(Ltt.Testing.RepoPaths.TestData("data", "ctf-traces", "succeed")),
        ];
        int shortcutStreams = 0;
        foreach (string path in traces)
        {
            using var fast = Open(path);
            using var slow = Open(path);
            for (int s = 0; s < fast.Streams.Count; s++)
            {
                var a = fast.Streams[s];
                var b = slow.Streams[s];
                b.Shortcuts = false;
                bool used = false;
                while (a.MoveNext())
                {
                    Assert.True(b.MoveNext(), $"{path} {a.FileName}: the op walker ends early");
                    used |= a.Stream!.HeaderFast is not null || a.Event!.Payload.Fixed is not null;
                    Assert.Equal(b.ClockValue, a.ClockValue);
                    Assert.Equal(b.EventClass!.Id, a.EventClass!.Id);
                    AssertSameTape(b.HeaderTape, a.HeaderTape, path);
                    AssertSameTape(b.StreamContextTape, a.StreamContextTape, path);
                    AssertSameTape(b.EventContextTape, a.EventContextTape, path);
                    AssertSameTape(b.PayloadTape, a.PayloadTape, path);
                    Assert.Equal(b.ReadPayload().Select(v => v.ToString()), a.ReadPayload().Select(v => v.ToString()));
                }
                Assert.False(b.MoveNext(), $"{path} {a.FileName}: the op walker reads more events");
                shortcutStreams += used ? 1 : 0;
            }
        }
        Assert.True(shortcutStreams >= 20, $"only {shortcutStreams} streams took a shortcut");
    }

    private static void AssertSameTape(Ltt.Trace.Reader.Decoding.FieldTape expected, Ltt.Trace.Reader.Decoding.FieldTape actual, string path)
    {
        Assert.True(expected.Count == actual.Count, $"{path}: tape of {actual.Count} entries, the op walker writes {expected.Count}");
        Assert.Equal(expected.Values.AsSpan(0, expected.Count).ToArray(), actual.Values.AsSpan(0, actual.Count).ToArray());
    }

    private static TraceSet Open(string path)
    {
        var opened = TraceSet.Open(path);
        Assert.True(opened.Traces is not null, string.Join("\n", opened.Diagnostics));
        return opened.Traces;
    }

    private static (long Events, long? First, long? Last) WalkMerge(TraceSet traces)
    {
        long events = 0;
        long? first = null, last = null;
        while (traces.MoveNext())
        {
            events++;
            first ??= traces.Current.TimestampNs;
            last = traces.Current.TimestampNs;
        }
        return (events, first, last);
    }

    private static byte[] Dump(string path, bool parallel, out TraceDump.Result result)
    {
        using var traces = Open(path);
        using var output = new MemoryStream();
        result = TraceDump.Write(traces, output, parallel);
        return output.ToArray();
    }
}
