using Ltt.Trace.Buffers;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// T threads x N events through small buffers so that they fill: afterwards every attempted
/// event is either decoded from the trace with the values it was written with, or counted
/// lost, exactly; and the lost counts in the packets add up to the session's.
/// </summary>
public sealed class RingBufferStressTests
{
    public static TheoryData<BufferMode, int, int> Cases => new()
    {
        { BufferMode.Discard, 4096, 0 },
        { BufferMode.Discard, 4096, 1 },
        { BufferMode.Overwrite, 4096, 0 },
        { BufferMode.Overwrite, 4096, 1 },
        { BufferMode.Discard, 65536, 2 },
        { BufferMode.Overwrite, 65536, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryEventIsInTheTraceOrCountedLost(BufferMode mode, int subbufferSize, int cpus)
    {
        const int threads = 4;
        const long perThread = 150_000;
        using var trace = new TempTrace();
        var channel = new ChannelConfig(SubbufferSize: subbufferSize, SubbufferCount: 4, Mode: mode, CpuCount: cpus);
        Assert.True(TraceSession.TryStart(new TraceSessionOptions(trace.Path, ThreeIntegers.Catalog, channel), out var session, out var error), error);
        WorkloadResult result;
        TraceSessionStats stats;
        using (session)
        {
            result = SyntheticWorkload.Run(session, threads, perThread);
            stats = session.Stop();
        }

        Assert.Null(stats.Error);
        Assert.Equal(threads * perThread, result.Attempted);
        Assert.Equal(result.Attempted, stats.EventsInTrace + stats.EventsDiscarded + stats.EventsOverwritten);
        Assert.Equal(result.Written, stats.EventsInTrace + stats.EventsOverwritten);
        if (mode == BufferMode.Discard)
            Assert.Equal(0, stats.EventsOverwritten);
        if (subbufferSize == 4096)
            Assert.True(stats.EventsLost > 0, "16 KiB per CPU for 12 MB of events: the buffers must have filled");

        var (packets, events) = TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog);
        Assert.Equal(stats.EventsInTrace, events.Count);
        Assert.Equal(stats.Packets, packets.Count);

        // Values: thread c wrote a = i, b = -i for i = 0, 1, 2...; within one stream a thread's
        // events keep their order.
        var lastA = new Dictionary<(int Stream, uint Thread), ulong>();
        foreach (var e in events)
        {
            ulong a = (ulong)e.Values[0];
            long b = (long)e.Values[1];
            ulong c = (ulong)e.Values[2];
            Assert.True(c < threads, $"thread {c}");
            Assert.True(a < perThread);
            Assert.Equal(-(int)a, b);
            var key = (e.Stream, (uint)c);
            if (lastA.TryGetValue(key, out ulong previous))
                Assert.True(a > previous, $"stream {e.Stream} thread {c}: {a} after {previous}");
            lastA[key] = a;
        }
        // Each (thread, i) appears at most once across all streams.
        Assert.Equal(events.Count, events.Select(e => ((ulong)e.Values[2], (ulong)e.Values[0])).Distinct().Count());

        // events_discarded is cumulative per stream: the last packet of each holds its total.
        long discardedInPackets = packets.GroupBy(p => p.Stream).Sum(g => (long)g.Last().Context.EventsDiscarded);
        Assert.Equal(stats.EventsDiscarded, discardedInPackets);
        foreach (var stream in packets.GroupBy(p => p.Stream))
        {
            var list = stream.ToList();
            for (int i = 1; i < list.Count; i++)
                Assert.True(list[i].Context.EventsDiscarded >= list[i - 1].Context.EventsDiscarded);
            if (mode == BufferMode.Discard)
                Assert.Equal(Enumerable.Range(0, list.Count).Select(i => (ulong)i), list.Select(p => p.Context.SequenceNumber));
        }
        // In overwrite mode the packets missing from a stream's sequence are the overwritten ones: there
        // are some exactly when events were overwritten, and each of them held at least one of those events.
        if (mode == BufferMode.Overwrite)
        {
            long missing = 0;
            foreach (var stream in packets.GroupBy(p => p.Stream))
            {
                var sequence = stream.Select(p => p.Context.SequenceNumber).ToList();
                Assert.True(sequence.Zip(sequence.Skip(1)).All(pair => pair.Second > pair.First), $"stream {stream.Key}: sequence numbers go back");
                missing += (long)sequence[^1] + 1 - sequence.Count;
            }
            Assert.Equal(stats.EventsOverwritten > 0, missing > 0);
            Assert.True(missing <= stats.EventsOverwritten, $"{missing} packets missing for {stats.EventsOverwritten} events overwritten");
        }
    }
}
