using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Profile;
using Ltt.Trace.Tests.Runtime;

namespace Ltt.Trace.Tests.Reader;

/// <summary>
/// The report's one-pass profile counts what <see cref="TraceStatistics"/> counts, puts each CPU's
/// events on one timeline row (two channels of one CPU share it), bins every event within a bin of
/// where its timestamp puts it, and marks losses where the packets say they happened.
/// </summary>
public sealed class TraceProfileTests
{
    /// <summary>Two channels on CPU 0 (one losing data from its third packet on), one on CPU 1, and an empty file.</summary>
    internal static readonly CraftedStreams.StreamPlan[] Plans =
    [
        new("chan_0", [300, 200, 500], Cpu: 0, LostBefore: 2),
        new("chan_1", [100, 1000], Cpu: 1),
        new("chan2_0", [50, 0, 50], Cpu: 0),
        new("chan_3", [], Cpu: 3),
    ];

    [Fact]
    public void CountsEqualStatsAndRowsAreCpus()
    {
        using var dir = new TempTrace();
        CraftedStreams.Write(dir.Path, Plans, seed: 5);

        var profile = Collect(dir.Path, 600);
        TraceStatistics stats;
        using (var traces = Open(dir.Path))
            stats = TraceStatistics.Collect(traces);

        Assert.Empty(profile.Diagnostics);
        Assert.Equal(stats.Events, profile.Events);
        Assert.Equal(stats.PerEventClass, profile.PerEventClass.OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal(stats.PerStream.Select(s => (s.Stream, s.Events, s.Packets, s.Discarded, s.LostPackets)),
            profile.Streams.Select(s => (s.File, s.Events, s.Packets, s.Discarded, s.LostPackets)));
        Assert.Equal(stats.FirstNs, profile.FirstNs);
        Assert.Equal(stats.LastNs, profile.LastNs);
        Assert.Equal(CraftedStreams.DiscardedAtLoss, profile.Discarded);
        Assert.Equal(CraftedStreams.PacketsLostAtLoss, profile.LostPackets);
        Assert.Equal(new Dictionary<string, long?> { ["chan_0"] = 0, ["chan_1"] = 1, ["chan2_0"] = 0, ["chan_3"] = null },
            profile.Streams.ToDictionary(s => s.File, s => s.Cpu));

        Assert.Equal(["CPU 0", "CPU 1"], profile.Rows.Select(r => r.Label));
        Assert.Equal([1100L, 1100], profile.Rows.Select(r => r.Events));
        Assert.All(profile.Rows, r => Assert.Equal(600, r.Bins.Count));
    }

    [Fact]
    public void EveryEventIsBinnedWithinOneBinOfItsTime()
    {
        using var dir = new TempTrace();
        CraftedStreams.Write(dir.Path, Plans, seed: 6);
        const int bins = 300;
        var profile = Collect(dir.Path, bins);
        long first = profile.FirstNs!.Value, last = profile.LastNs!.Value;

        // The exact binning, event by event, per CPU.
        var exact = new Dictionary<string, long[]> { ["CPU 0"] = new long[bins], ["CPU 1"] = new long[bins] };
        using (var traces = Open(dir.Path))
        {
            foreach (var stream in traces.Streams)
            {
                string row = stream.FileName.EndsWith("_1", StringComparison.Ordinal) ? "CPU 1" : "CPU 0";
                while (stream.MoveNext())
                    exact[row][Math.Clamp((int)((double)(stream.TimestampNs - first) / Math.Max(1, last - first) * bins), 0, bins - 1)]++;
            }
        }
        foreach (var row in profile.Rows)
        {
            // Off by at most one bin: the profile's running total never leaves the exact one's, one bin either side.
            long[] expected = exact[row.Label];
            long sum = 0, exactBefore = 0;
            for (int i = 0; i < bins; i++)
            {
                sum += row.Bins[i];
                long exactHere = exactBefore + expected[i];
                long exactAfter = exactHere + (i + 1 < bins ? expected[i + 1] : 0);
                long exactBeforeBefore = exactBefore;
                Assert.InRange(sum, i > 0 ? exactBeforeBefore : 0, exactAfter);
                exactBefore = exactHere;
            }
            Assert.Equal(expected.Sum(), sum);
        }
    }

    [Fact]
    public void LossesAreMarkedWhereThePacketsSay()
    {
        using var dir = new TempTrace();
        CraftedStreams.Write(dir.Path, Plans, seed: 7);
        var profile = Collect(dir.Path, 100);

        // The third packet of chan_0 follows two lost ones (marked at its start) and reports 7 discarded events (marked at its end).
        long begin = 0, end = 0;
        using (var traces = Open(dir.Path))
        {
            var stream = traces.Streams.Single(s => s.FileName == "chan_0");
            stream.PacketStarted = s =>
            {
                if (s.PacketIndex == 2)
                    (begin, end) = (s.NanosecondsFromOrigin(s.TimestampBegin!.Value), s.NanosecondsFromOrigin(s.TimestampEnd!.Value));
            };
            while (stream.MoveNext())
            {
            }
        }
        Assert.Equal(
            [new LossMark("CPU 0", begin, LossKind.LostPackets, CraftedStreams.PacketsLostAtLoss), new LossMark("CPU 0", end, LossKind.DiscardedEvents, CraftedStreams.DiscardedAtLoss)],
            profile.Losses);
    }

    [Fact]
    public void AdaptiveHistogramWidensByDoublingAndKeepsEveryValue()
    {
        var histogram = new AdaptiveHistogram(16);
        for (ulong v = 1000; v < 11_000; v++)
            histogram.Add(v);

        Assert.Equal(1000UL, histogram.Origin);
        Assert.Equal(1024UL, histogram.Width);
        Assert.Equal([.. Enumerable.Repeat(1024L, 9), 10_000 - 9 * 1024, 0, 0, 0, 0, 0, 0], histogram.Bins.ToArray());
    }

    private static TraceProfile Collect(string path, int bins)
    {
        using var traces = Open(path);
        return TraceProfile.Collect(traces, bins);
    }

    private static TraceSet Open(string path)
    {
        var opened = TraceSet.Open(path);
        Assert.True(opened.Traces is not null, string.Join("\n", opened.Diagnostics));
        return opened.Traces;
    }
}
