using Ltt.Trace.Buffers;
using Ltt.Trace.Clocks;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// A session on the global clock: events written in a happens-before order by different
/// threads, landing in different CPU streams, carry timestamps in that order.
/// </summary>
public sealed class GlobalClockSessionTests
{
    [Fact]
    public void EventsAcrossThreadsAndStreamsAreOrderedInTime()
    {
        const int threads = 4;
        const int perThread = 20_000;
        using var trace = new TempTrace();
        // 4 MiB per CPU holds every event: no loss even if the consumer runs late.
        var channel = new ChannelConfig(SubbufferSize: 262144, SubbufferCount: 16, CpuCount: 2);
        var options = new TraceSessionOptions(trace.Path, ThreeIntegers.Catalog, channel, Clock: TraceClock.Global);
        Assert.True(TraceSession.TryStart(options, out var session, out var error), error);
        var gate = new Lock();
        long next = 0;
        using (session)
        {
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                for (int k = 0; k < perThread; k++)
                {
                    // The lock orders the writes: the event numbered n happens before n + 1.
                    lock (gate)
                    {
                        long n = next++;
                        Assert.True(session.Write(ThreeIntegers.Id, new ThreeIntegers((ulong)n, -(int)n, (uint)t)));
                    }
                    if (k % 64 == 0)
                        Thread.Yield(); // let the threads move between CPUs and streams
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            TraceSessionStats stats = session.Stop();
            Assert.Equal(0, stats.EventsLost);
        }

        var (_, events) = TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog);
        Assert.Equal(threads * perThread, events.Count);
        var ordered = events.OrderBy(e => (ulong)e.Values[0]).ToList();
        for (int i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].Timestamp >= ordered[i - 1].Timestamp,
                $"event {i} (stream {ordered[i].Stream}) at {ordered[i].Timestamp} before event {i - 1} (stream {ordered[i - 1].Stream}) at {ordered[i - 1].Timestamp}");
        }
    }
}
