using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ltt.Trace.Buffers;
using Ltt.Trace.Layout;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;
using Ltt.Trace.Tests.Reader;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>babeltrace2, the reference CTF reader, on traces the runtime wrote.</summary>
public sealed partial class BabeltraceRuntimeTests
{
    [Fact]
    public void ReadsEveryEventWithItsValuesAndNoWarning()
    {
        const int threads = 2;
        const long perThread = 20_000;
        using var trace = new TempTrace();
        TraceSessionStats stats = Record(trace.Path, ThreeIntegers.Catalog, new ChannelConfig(), threads, perThread);
        Assert.Equal(0, stats.EventsLost);

        var (stdout, stderr, exitCode) = Babeltrace.Run(trace.Path);
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stderr);
        string[] lines = Encoding.UTF8.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(threads * perThread, lines.Length);
        var seen = new HashSet<(ulong Thread, ulong A)>();
        foreach (string line in lines)
        {
            Match match = ThreeIntsLine().Match(line);
            Assert.True(match.Success, line);
            ulong a = ulong.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
            long b = long.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture);
            ulong c = ulong.Parse(match.Groups["c"].Value, CultureInfo.InvariantCulture);
            Assert.Equal(-(long)a, b);
            Assert.True(seen.Add((c, a)), line);
        }
        for (ulong t = 0; t < threads; t++)
        {
            for (ulong i = 0; i < perThread; i++)
                Assert.Contains((t, i), seen);
        }
    }

    [Theory]
    [InlineData(BufferMode.Discard)]
    [InlineData(BufferMode.Overwrite)]
    public void ReportsLostEventsAndPacketsAsForLttng(BufferMode mode)
    {
        using var trace = new TempTrace();
        var channel = new ChannelConfig(SubbufferSize: 4096, SubbufferCount: 4, Mode: mode);
        TraceSessionStats stats = Record(trace.Path, ThreeIntegers.Catalog, channel, 4, 100_000);
        var (packets, events) = TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog);

        var (stdout, stderr, exitCode) = Babeltrace.Run(trace.Path);
        Assert.True(exitCode == 0, stderr);
        string[] lines = Encoding.UTF8.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(stats.EventsInTrace, lines.Length);
        Assert.Equal(events.Count, lines.Length);

        long discardedEvents = 0, discardedPackets = 0, uncounted = 0;
        foreach (string warning in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (warning.StartsWith("WARNING: Tracer may have discarded events between ", StringComparison.Ordinal))
            {
                uncounted++;
                continue;
            }
            Match match = DiscardedLine().Match(warning);
            Assert.True(match.Success, "unexpected babeltrace2 message: " + warning);
            long count = long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["what"].Value.StartsWith("event", StringComparison.Ordinal))
                discardedEvents += count;
            else
                discardedPackets += count;
        }
        // babeltrace2 reports differences between consecutive packets of a stream, like LTTng's.
        // The first packet of a stream has no predecessor: when its cumulative count is not zero,
        // babeltrace2 says the tracer "may have discarded events" (as for LTTng), with no count.
        long expectedEvents = 0, expectedPackets = 0, expectedUncounted = 0, firstCounts = 0;
        foreach (var stream in packets.GroupBy(p => p.Stream))
        {
            var list = stream.ToList();
            if (list[0].Context.EventsDiscarded > 0)
            {
                expectedUncounted++;
                firstCounts += (long)list[0].Context.EventsDiscarded;
            }
            for (int i = 1; i < list.Count; i++)
            {
                expectedEvents += (long)(list[i].Context.EventsDiscarded - list[i - 1].Context.EventsDiscarded);
                expectedPackets += (long)(list[i].Context.SequenceNumber - list[i - 1].Context.SequenceNumber - 1);
            }
        }
        Assert.Equal(expectedEvents, discardedEvents);
        Assert.Equal(expectedPackets, discardedPackets);
        Assert.Equal(expectedUncounted, uncounted);
        Assert.Equal(stats.EventsDiscarded, discardedEvents + firstCounts);
        Assert.True(stats.EventsLost > 0);
        if (mode == BufferMode.Overwrite)
            Assert.True(discardedPackets > 0, "overwritten sub-buffers show as discarded packets");
        else
            Assert.True(discardedEvents > 0, "dropped events show as discarded events");
    }

    [Fact]
    public void ReadsEveryFieldKindTheSerializerWrites()
    {
        EventCatalog catalog = AllKinds.Catalog;
        using var trace = new TempTrace();
        TraceSessionStats stats = Record(trace.Path, catalog, new ChannelConfig(), 1, 2_000);
        Assert.Equal(0, stats.EventsLost);

        var (stdout, stderr, exitCode) = Babeltrace.Run(trace.Path);
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stderr);
        string[] lines = Encoding.UTF8.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2_000, lines.Length);
        var (_, decoded) = TestTraceDecoder.Decode(trace.Path, catalog);
        Assert.Equal(2_000, decoded.Count);
        // One thread: line i is iteration i, event (i mod 2) of the catalog.
        for (int i = 0; i < lines.Length; i++)
        {
            EventLayout layout = catalog.Events[i % 2];
            Assert.Contains(layout.Name + ":", lines[i], StringComparison.Ordinal);
            Assert.Equal(AllKinds.Expected(layout, i, decoded[i].Values), AllKinds.Babeltrace(lines[i]));
        }
    }

    internal static TraceSessionStats Record(string directory, EventCatalog catalog, ChannelConfig channel, int threads, long perThread)
    {
        Assert.True(TraceSession.TryStart(new TraceSessionOptions(directory, catalog, channel), out var session, out var error), error);
        using (session)
        {
            WorkloadResult result = SyntheticWorkload.Run(session, threads, perThread);
            TraceSessionStats stats = session.Stop();
            Assert.Null(stats.Error);
            Assert.Equal(result.Attempted, stats.EventsAttempted);
            return stats;
        }
    }

    [GeneratedRegex(@"ltt_trace:three_ints: \{ cpu_id = \d+ \}, \{ a = (?<a>\d+), b = (?<b>-?\d+), c = (?<c>\d+) \}$")]
    private static partial Regex ThreeIntsLine();

    [GeneratedRegex(@"^WARNING: Tracer discarded (?<count>\d+) (?<what>events?|packets?) between ")]
    private static partial Regex DiscardedLine();
}
