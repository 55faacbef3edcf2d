using System.Runtime.InteropServices;
using Ltt.Trace.Buffers;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// Writers moved from CPU to CPU while they write (another thread flips their affinity every few
/// microseconds, so some moves land between a reserve and its commit): each event still commits
/// to the buffer it reserved in, every attempted event is in the trace or counted lost, values
/// decode, and timestamps never go back within a stream (the decoder checks).
/// </summary>
public sealed partial class MigratingWriterTests
{
    [Theory]
    [InlineData(BufferMode.Discard)]
    [InlineData(BufferMode.Overwrite)]
    public async Task EventsStayWholeWhenWritersMigrate(BufferMode mode)
    {
        // A commit counted against the wrong buffer leaves a sub-buffer that never completes,
        // and the session would wait for it forever: fail after a minute instead.
        try
        {
            await Task.Run(() => Run(mode)).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            Assert.Fail("the session did not stop within 60 s: a sub-buffer never completed");
        }
    }

    private static void Run(BufferMode mode)
    {
        Assert.True(Environment.ProcessorCount >= 2, "this test moves threads between two CPUs: it needs at least 2");
        const int threads = 2;
        const long perThread = 400_000;
        using var trace = new TempTrace();
        var channel = new ChannelConfig(SubbufferSize: 16384, SubbufferCount: 8, Mode: mode, CpuCount: 2);
        Assert.True(TraceSession.TryStart(new TraceSessionOptions(trace.Path, ThreeIntegers.Catalog, channel), out var session, out var error), error);

        var tids = new int[threads];
        var ready = new CountdownEvent(threads);
        long moves = 0;
        using var done = new CancellationTokenSource();
        TraceSessionStats stats;
        long attempted = 0;
        using (session)
        {
            var writers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                tids[t] = GetTid();
                ready.Signal();
                ready.Wait();
                // At least perThread events, and on until the writers have been moved often
                // (a busy machine may run the migrator late).
                long i = 0;
                for (; i < perThread || (Volatile.Read(ref moves) < MinimumMoves && i < 25 * perThread); i++)
                    session.Write(ThreeIntegers.Id, new ThreeIntegers((ulong)i, -(int)i, (uint)t));
                Interlocked.Add(ref attempted, i);
            })).ToList();
            var migrator = new Thread(() =>
            {
                ready.Wait();
                for (int k = 0; !done.IsCancellationRequested; k++)
                {
                    ulong mask = 1UL << (k % 2);
                    foreach (int tid in tids)
                    {
                        if (SchedSetAffinity(tid, sizeof(ulong), ref mask) == 0)
                            Interlocked.Increment(ref moves);
                    }
                    Thread.SpinWait(200);
                }
            });
            writers.ForEach(w => w.Start());
            migrator.Start();
            writers.ForEach(w => w.Join());
            done.Cancel();
            migrator.Join();
            stats = session.Stop();
        }

        Assert.True(moves >= MinimumMoves, $"only {moves} affinity changes: the writers hardly moved");
        Assert.Null(stats.Error);
        Assert.True(attempted >= threads * perThread);
        Assert.Equal(attempted, stats.EventsAttempted);
        var (packets, events) = TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog);
        Assert.Equal(stats.EventsInTrace, events.Count);
        Assert.Equal(stats.Packets, packets.Count);
        foreach (var e in events)
            Assert.Equal(-(long)(ulong)e.Values[0], (long)e.Values[1]);
        Assert.Equal(events.Count, events.Select(e => ((ulong)e.Values[2], (ulong)e.Values[0])).Distinct().Count());
    }

    private const long MinimumMoves = 500;

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SchedSetAffinity(int pid, nuint size, ref ulong mask);
}
