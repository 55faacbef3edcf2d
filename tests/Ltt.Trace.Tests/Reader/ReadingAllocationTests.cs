using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Text;
using Ltt.Trace.Tests.Runtime;

namespace Ltt.Trace.Tests.Reader;

/// <summary>No other test runs beside these: they count the bytes every thread of the process allocates.</summary>
[CollectionDefinition(nameof(ReadingAllocationTests), DisableParallelization = true)]
public sealed class ReadingAllocationCollection;

/// <summary>
/// Reading allocates per trace and per packet, never per event: the same packets holding five
/// times the events cost (almost) no more bytes, for stats (every field decoded and
/// bounds-checked on the workers) and for dump (formatted and merged). Dump's pool of output
/// chunks (512 KiB each, at most four per stream) may take a chunk or two more on the longer
/// trace: a fixed step (530 KB here for 5x and for 3x the events), allowed as 1 MiB.
/// </summary>
[Collection(nameof(ReadingAllocationTests))]
public sealed class ReadingAllocationTests
{
    private const int Packets = 8;

    [Theory]
    [InlineData("stats")]
    [InlineData("dump")]
    public void MoreEventsInTheSamePacketsAllocateNoMore(string operation)
    {
        using var small = new TempTrace();
        using var large = new TempTrace();
        long fewEvents = Write(small.Path, 4_000);
        long manyEvents = Write(large.Path, 20_000);
        Read(operation, small.Path); // JIT and first-use allocations out of the way

        long fewBytes = Allocated(operation, small.Path);
        long manyBytes = Allocated(operation, large.Path);

        // Under half a byte per extra event: one object per event would be 24 bytes or more.
        long poolStep = operation == "dump" ? 1 << 20 : 0;
        double perEvent = (double)(manyBytes - fewBytes - poolStep) / (manyEvents - fewEvents);
        Assert.True(perEvent < 0.5, $"{operation}: {fewBytes} bytes for {fewEvents} events, {manyBytes} for {manyEvents}: {perEvent:F3} bytes per extra event");
    }

    private static long Write(string directory, int eventsPerPacket)
    {
        var plans = Enumerable.Range(0, 4).Select(i => new CraftedStreams.StreamPlan($"stream_{i}", [.. Enumerable.Repeat(eventsPerPacket, Packets)])).ToList();
        return CraftedStreams.Write(directory, plans, seed: 3).Values.Sum();
    }

    private static long Allocated(string operation, string trace)
    {
        long least = long.MaxValue;
        // The least of three: a runtime allocation on some thread now and then (tiered JIT) is not the reader's.
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            Read(operation, trace);
            least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        return least;
    }

    private static void Read(string operation, string trace)
    {
        var opened = TraceSet.Open(trace);
        Assert.True(opened.Traces is not null, string.Join("\n", opened.Diagnostics));
        using var traces = opened.Traces;
        if (operation == "stats")
        {
            Assert.Empty(TraceStatistics.Collect(traces).Diagnostics);
            return;
        }
        using var sink = Stream.Null;
        TraceDump.Write(traces, sink);
    }
}
