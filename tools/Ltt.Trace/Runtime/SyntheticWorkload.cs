using System.Diagnostics;
using Ltt.Trace.Layout;
using Ltt.Trace.Serialization;

namespace Ltt.Trace.Runtime;

/// <summary>
/// The workload behind <c>ltt-trace record</c> and the benchmarks: T threads, started together,
/// each writing N events with deterministic values. For the built-in event thread t writes
/// event i as a = i, b = -i (32-bit), c = t; for other catalogs every event of the catalog in
/// turn, with values from <see cref="WorkloadValues"/>. Nothing is allocated per event.
/// </summary>
public static class SyntheticWorkload
{
    private const long Chunk = 4096;

    /// <summary>Runs the workload on an open session and times it.</summary>
    /// <param name="cancellation">Ends the run early (checked every 4096 events); the result then counts the events actually attempted.</param>
    public static WorkloadResult Run(TraceSession session, int threads, long eventsPerThread, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(eventsPerThread);
        bool builtIn = session.Options.Catalog.Events is [{ Id: ThreeIntegers.Id, Name: ThreeIntegers.Name }];
        EventSerializer[] serializers = builtIn ? [] : [.. session.Options.Catalog.Events.Select(Serializer)];
        if (!builtIn && serializers.Length == 0)
            return new WorkloadResult(threads, 0, 0, TimeSpan.Zero, 0, 0, 0);

        var written = new long[threads];
        var attempted = new long[threads];
        var allocated = new long[threads];
        var cpu = new long[threads];
        var start = new Barrier(threads + 1);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int thread = t;
            workers[t] = new Thread(() =>
            {
                var values = builtIn ? null : new WorkloadValues(serializers, thread);
                start.SignalAndWait();
                long before = GC.GetAllocatedBytesForCurrentThread();
                long cpuBefore = Native.LibC.ThreadCpuNanoseconds();
                for (long done = 0; done < eventsPerThread && !cancellation.IsCancellationRequested; done += Chunk)
                {
                    long count = Math.Min(Chunk, eventsPerThread - done);
                    written[thread] += builtIn
                        ? WriteThreeIntegers(session, thread, done, count)
                        : WriteCatalog(session, serializers, values!, done, count);
                    attempted[thread] += count;
                }
                cpu[thread] = Native.LibC.ThreadCpuNanoseconds() - cpuBefore;
                allocated[thread] = GC.GetAllocatedBytesForCurrentThread() - before;
            })
            { Name = $"ltt-trace writer {t}", IsBackground = true };
            workers[t].Start();
        }
        start.SignalAndWait();
        long began = Stopwatch.GetTimestamp();
        foreach (Thread worker in workers)
            worker.Join();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(began);
        double perThread = attempted.Sum() / (double)threads;
        long total = attempted.Sum();
        return new WorkloadResult(threads, total, written.Sum(), elapsed, allocated.Sum(),
            perThread == 0 ? 0 : elapsed.TotalNanoseconds / perThread,
            total == 0 ? 0 : (double)cpu.Sum() / total);
    }

    private static EventSerializer Serializer(EventLayout layout) =>
        EventSerializer.TryCreate(layout, out var serializer, out var error)
            ? serializer
            : throw new ArgumentException(error, nameof(layout));

    private static long WriteThreeIntegers(TraceSession session, int thread, long first, long count)
    {
        long written = 0;
        for (long i = first; i < first + count; i++)
        {
            if (session.Write(ThreeIntegers.Id, new ThreeIntegers((ulong)i, -(int)i, (uint)thread)))
                written++;
        }
        return written;
    }

    private static long WriteCatalog(TraceSession session, EventSerializer[] serializers, WorkloadValues values, long first, long count)
    {
        long written = 0;
        for (long i = first; i < first + count; i++)
        {
            int e = (int)(i % serializers.Length);
            if (session.Write(serializers[e], values.For(e, i)))
                written++;
        }
        return written;
    }
}
