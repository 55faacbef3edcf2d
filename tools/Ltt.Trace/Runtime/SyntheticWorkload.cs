using System.Diagnostics;
using Ltt.Trace.Buffers;
using Ltt.Trace.Ctf;
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
        // The start is never cancelled: every worker waits on it too, and stops itself when cancelled.
        start.SignalAndWait(CancellationToken.None);
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

    /// <summary>
    /// An upper bound of the bytes the run writes to disk: every event with the largest of its
    /// header, alignment padding and payload variants, the packet headers and the padding that
    /// closes a sub-buffer, and a last packet per CPU.
    /// </summary>
    public static long MaxTraceBytes(EventCatalog catalog, ChannelConfig channel, int threads, long eventsPerThread)
    {
        long largest = 0;
        foreach (EventLayout layout in catalog.Events)
        {
            EventSerializer serializer = Serializer(layout);
            var values = new WorkloadValues([serializer], 0);
            int payload = Enumerable.Range(0, 8).Max(v => serializer.Measure(values.For(0, v)));
            int header = CtfPacketLayout.EventHeaderSize(layout.Id <= CtfPacketLayout.MaxCompactId);
            largest = Math.Max(largest, header + serializer.Alignment - 1 + payload);
        }
        // In doubles: a count of events a user may mistype (10^18) must not overflow into "fits".
        double usable = Math.Max(1, channel.SubbufferSize - CtfPacketLayout.HeaderAndContextSize - largest);
        double packets = Math.Ceiling((double)threads * eventsPerThread * largest / usable) + channel.EffectiveCpuCount;
        double bytes = packets * channel.SubbufferSize + 64 * 1024;
        return bytes >= long.MaxValue ? long.MaxValue : (long)bytes;
    }

    /// <summary>
    /// Null when the file system of <paramref name="directory"/> has room for the run
    /// (<see cref="MaxTraceBytes"/>); otherwise why not, in words.
    /// </summary>
    public static string? CheckDiskSpace(string directory, EventCatalog catalog, ChannelConfig channel, int threads, long eventsPerThread)
    {
        long needed = MaxTraceBytes(catalog, channel, threads, eventsPerThread);
        string existing = Path.GetFullPath(directory);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            existing = parent;
        long free = new DriveInfo(existing).AvailableFreeSpace;
        return needed <= free ? null
            : $"the trace may take up to {MachineMemory.Format(needed)} ({threads} thread(s) x {eventsPerThread} events), " +
              $"more than the {MachineMemory.Format(free)} free on the file system of {existing}; record fewer events or free space";
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
