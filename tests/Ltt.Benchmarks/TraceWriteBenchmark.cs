using System.Diagnostics;
using System.Globalization;
using Ltt.Testing;
using Ltt.Trace.Buffers;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Benchmarks;

/// <summary>
/// Cost per event of the three-integer event (u64, s32, u32) with 1 and 2 threads: ltt-trace's
/// typed fast path, .NET EventSource with an in-process EventListener, and LTTng-UST (gcc-built
/// tracepoint in a tight loop, userspace session), all in the same run. ns/event = wall time
/// of the run / events per thread (all threads write at once; flat = linear scaling).
/// Usage: trace-write [--events N] (per thread, default 4000000)
/// </summary>
internal static class TraceWriteBenchmark
{
    public static int Run(string[] args)
    {
        long events = args is ["--events", var n] ? long.Parse(n, CultureInfo.InvariantCulture) : 4_000_000;
        var rows = new List<(string Tracer, int Threads, double Ns, double AllocPerEvent, string Note)>();
        using var ust = new LttngUstRunner(Path.Combine(RepoPaths.Root, "tests", "Ltt.Benchmarks", "lttng-ust"));

        RunLttTrace(1, Math.Min(events, 1_000_000)); // warm-up: JIT tiers, page faults
        foreach (int threads in new[] { 1, 2 })
        {
            var (result, stats) = RunLttTrace(threads, events);
            rows.Add(("ltt-trace", threads, result.NanosecondsPerEvent, (double)result.AllocatedBytes / result.Attempted,
                $"in trace {stats.EventsInTrace}, discarded {stats.EventsDiscarded}"));
        }
        using (var listener = new CountingListener())
        {
            listener.Enable();
            long esEvents = Math.Min(events, 1_000_000);
            RunEventSource(1, esEvents / 4);
            foreach (int threads in new[] { 1, 2 })
            {
                long before = listener.Count;
                var (ns, alloc) = RunEventSource(threads, esEvents);
                rows.Add(("EventSource", threads, ns, alloc, $"listener got {listener.Count - before}"));
            }
        }
        foreach (int threads in new[] { 1, 2 })
            rows.Add(("LTTng-UST", threads, ust.Measure(threads, events), double.NaN, "lttng-ust 2.13, per-uid buffers, discard"));

        Console.WriteLine($"{"tracer",-12} {"threads",7} {"ns/event",9} {"alloc B/event",14}  note");
        foreach (var row in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Tracer,-12} {row.Threads,7} {row.Ns,9:F1} {(double.IsNaN(row.AllocPerEvent) ? "n/a" : row.AllocPerEvent.ToString("F3", CultureInfo.InvariantCulture)),14}  {row.Note}"));
        foreach (int threads in new[] { 1, 2 })
        {
            double ours = rows.First(r => r.Tracer == "ltt-trace" && r.Threads == threads).Ns;
            double es = rows.First(r => r.Tracer == "EventSource" && r.Threads == threads).Ns;
            double lttng = rows.First(r => r.Tracer == "LTTng-UST" && r.Threads == threads).Ns;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{threads} thread(s): LTTng-UST / ltt-trace = {lttng / ours:F1}x, EventSource / ltt-trace = {es / ours:F1}x"));
        }
        double one = rows.First(r => r.Tracer == "ltt-trace" && r.Threads == 1).Ns;
        double two = rows.First(r => r.Tracer == "ltt-trace" && r.Threads == 2).Ns;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ltt-trace scaling 1 -> 2 threads: {2 * one / two:F2}x throughput (2.00 = linear)"));
        return 0;
    }

    private static (WorkloadResult Result, TraceSessionStats Stats) RunLttTrace(int threads, long events)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ltt-bench-" + Guid.NewGuid().ToString("N"));
        var channel = new ChannelConfig(SubbufferSize: 1 << 20, SubbufferCount: 8);
        if (!TraceSession.TryStart(new TraceSessionOptions(directory, ThreeIntegers.Catalog, channel), out var session, out var error))
            throw new InvalidOperationException(error);
        try
        {
            WorkloadResult result = SyntheticWorkload.Run(session, threads, events);
            return (result, session.Stop());
        }
        finally
        {
            session.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (double Ns, double AllocPerEvent) RunEventSource(int threads, long events)
    {
        var allocated = new long[threads];
        var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long i = 0; i < events; i++)
                BenchEventSource.Log.ThreeInts((ulong)i, -(int)i, (uint)t);
            allocated[t] = GC.GetAllocatedBytesForCurrentThread() - before;
        })).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        long began = Stopwatch.GetTimestamp();
        workers.ForEach(w => w.Join());
        double ns = Stopwatch.GetElapsedTime(began).TotalNanoseconds / events;
        return (ns, (double)allocated.Sum() / (events * threads));
    }
}
