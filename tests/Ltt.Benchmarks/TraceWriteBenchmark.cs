using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Ltt.Testing;
using Ltt.Trace.Buffers;
using Ltt.Trace.Clocks;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Benchmarks;

/// <summary>
/// Cost per event of the three-integer event (u64, s32, u32) with 1 and 2 threads: ltt-trace's
/// typed fast path, .NET EventSource with an in-process EventListener, and LTTng-UST (gcc-built
/// tracepoint in a tight loop, userspace session), all in the same run. Two measures each:
/// CPU ns/event (CPU time of the writer threads / events: what a write costs, even on a loaded
/// machine) and wall ns/event (wall time / events per thread, all threads at once: flat when
/// scaling is linear). Ratios use CPU time. Each tracer and thread count runs R times, the three
/// tracers taking turns, and each row keeps its best (lowest) CPU and wall figures: on a machine
/// shared with other work the minimum is the measure least distorted by it, and every tracer gets
/// the same treatment.
/// Usage: trace-write [--events N] (per thread, default 4000000) [--repeat R] (default 3)
/// [--ltt-only] (ltt-trace alone, to compare two builds of the runtime; no ratios)
/// </summary>
internal static partial class TraceWriteBenchmark
{
    private sealed record Row(string Tracer, int Threads, double Cpu, double Wall, double AllocPerEvent, string Note);

    public static int Run(string[] args)
    {
        long events = 4_000_000;
        int repeat = 3;
        bool lttOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--events" && i + 1 < args.Length)
                events = long.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--repeat" && i + 1 < args.Length)
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--ltt-only")
                lttOnly = true;
        }
        if (lttOnly)
            return RunLttTraceOnly(events, repeat);
        var runs = new List<Row>();
        string loadBefore = File.ReadAllText("/proc/loadavg").Trim();
        using var ust = new LttngUstRunner(Path.Combine(RepoPaths.Root, "tests", "Ltt.Benchmarks", "lttng-ust"));

        RunLttTrace(1, Math.Min(events, 1_000_000)); // warm-up: JIT tiers, page faults
        using (var listener = new CountingListener())
        {
            listener.Enable();
            long esEvents = Math.Min(events, 1_000_000);
            RunEventSource(1, esEvents / 4);
            for (int r = 0; r < repeat; r++)
            {
                foreach (int threads in new[] { 1, 2 })
                {
                    var (result, stats) = RunLttTrace(threads, events);
                    runs.Add(new("ltt-trace", threads, result.CpuNanosecondsPerEvent, result.NanosecondsPerEvent, (double)result.AllocatedBytes / result.Attempted,
                        $"clock {LocalClock.Source}; in trace {stats.EventsInTrace}, discarded {stats.EventsDiscarded}"));
                    long before = listener.Count;
                    var (cpu, wall, alloc) = RunEventSource(threads, esEvents);
                    runs.Add(new("EventSource", threads, cpu, wall, alloc, $"listener got {listener.Count - before}"));
                    var (ustWall, ustCpu) = ust.Measure(threads, events);
                    runs.Add(new("LTTng-UST", threads, ustCpu, ustWall, double.NaN, "lttng-ust 2.13, per-uid buffers, discard"));
                }
            }
        }
        // Best of the repeats, per tracer and thread count.
        var rows = runs.GroupBy(r => (r.Tracer, r.Threads))
            .Select(g => g.OrderBy(r => r.Cpu).First() with { Wall = g.Min(r => r.Wall) })
            .OrderBy(r => r.Tracer switch { "ltt-trace" => 0, "EventSource" => 1, _ => 2 }).ThenBy(r => r.Threads)
            .ToList();

        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events} events per thread, best of {repeat} runs each; /proc/loadavg before: {loadBefore}, after: {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine($"{"tracer",-12} {"threads",7} {"cpu ns/event",13} {"wall ns/event",14} {"alloc B/event",14}  note");
        foreach (Row row in rows)
        {
            string alloc = double.IsNaN(row.AllocPerEvent) ? "n/a" : row.AllocPerEvent.ToString("F3", invariant);
            Console.WriteLine(string.Create(invariant, $"{row.Tracer,-12} {row.Threads,7} {row.Cpu,13:F1} {row.Wall,14:F1} {alloc,14}  {row.Note}"));
        }
        foreach (int threads in new[] { 1, 2 })
        {
            Row ours = rows.First(r => r.Tracer == "ltt-trace" && r.Threads == threads);
            Row es = rows.First(r => r.Tracer == "EventSource" && r.Threads == threads);
            Row lttng = rows.First(r => r.Tracer == "LTTng-UST" && r.Threads == threads);
            Console.WriteLine(string.Create(invariant, $"{threads} thread(s), CPU time: LTTng-UST / ltt-trace = {lttng.Cpu / ours.Cpu:F1}x, EventSource / ltt-trace = {es.Cpu / ours.Cpu:F1}x; wall: {lttng.Wall / ours.Wall:F1}x, {es.Wall / ours.Wall:F1}x"));
        }
        var (clock, clockAndCas) = MeasureFloor();
        Console.WriteLine(string.Create(invariant, $"floor, same run: clock read {clock:F1} ns; position load + clock read + CAS {clockAndCas:F1} ns (what any ordered reserve pays)"));
        Row one = rows.First(r => r.Tracer == "ltt-trace" && r.Threads == 1);
        Row two = rows.First(r => r.Tracer == "ltt-trace" && r.Threads == 2);
        Console.WriteLine(string.Create(invariant, $"ltt-trace 1 -> 2 threads: CPU ns/event {one.Cpu:F1} -> {two.Cpu:F1} (equal = linear scaling); wall throughput x{2 * one.Wall / two.Wall:F2} (2.00 = linear)"));
        return 0;
    }

    /// <summary>
    /// ltt-trace alone, 1 and 2 threads taking turns, best of R each: for comparing two builds
    /// of the runtime quickly (run them alternately); the ratios need the full run.
    /// </summary>
    private static int RunLttTraceOnly(long events, int repeat)
    {
        var invariant = CultureInfo.InvariantCulture;
        RunLttTrace(1, Math.Min(events, 1_000_000)); // warm-up: JIT tiers, page faults
        var best = new Dictionary<int, (double Cpu, double Wall)> { [1] = (double.MaxValue, double.MaxValue), [2] = (double.MaxValue, double.MaxValue) };
        for (int r = 0; r < repeat; r++)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                var (result, _) = RunLttTrace(threads, events);
                best[threads] = (Math.Min(best[threads].Cpu, result.CpuNanosecondsPerEvent), Math.Min(best[threads].Wall, result.NanosecondsPerEvent));
            }
        }
        foreach (int threads in new[] { 1, 2 })
            Console.WriteLine(string.Create(invariant, $"ltt-trace {threads} thread(s): cpu {best[threads].Cpu:F1} ns/event, wall {best[threads].Wall:F1} ns/event (best of {repeat}, {events} events per thread)"));
        var (clock, clockAndCas) = MeasureFloor();
        Console.WriteLine(string.Create(invariant, $"floor, same run: clock read {clock:F1} ns; position load + clock read + CAS {clockAndCas:F1} ns"));
        return 0;
    }

    /// <summary>Best of 5 loops of 5M: the clock read alone, and load + clock + CAS on one line,
    /// the part of a reserve no design that orders timestamps by position can drop.</summary>
    private static (double Clock, double ClockAndCas) MeasureFloor()
    {
        const int n = 5_000_000;
        double clock = double.MaxValue, clockAndCas = double.MaxValue;
        long position = 0;
        ulong sink = 0;
        for (int round = 0; round < 5; round++)
        {
            long began = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
                sink += LocalClock.Now();
            clock = Math.Min(clock, Stopwatch.GetElapsedTime(began).TotalNanoseconds / n);
            began = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                long seen = Volatile.Read(ref position);
                sink += LocalClock.Now();
                Interlocked.CompareExchange(ref position, seen + 20, seen);
            }
            clockAndCas = Math.Min(clockAndCas, Stopwatch.GetElapsedTime(began).TotalNanoseconds / n);
        }
        GC.KeepAlive(sink);
        return (clock, clockAndCas);
    }

    private static (WorkloadResult Result, TraceSessionStats Stats) RunLttTrace(int threads, long events)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ltt-bench-" + Guid.NewGuid().ToString("N"));
        var channel = new ChannelConfig(SubbufferSize: 1 << 20, SubbufferCount: 32);
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

    private static (double Cpu, double Wall, double AllocPerEvent) RunEventSource(int threads, long events)
    {
        var allocated = new long[threads];
        var cpu = new long[threads];
        var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            long before = GC.GetAllocatedBytesForCurrentThread();
            long cpuBefore = ThreadCpuNanoseconds();
            for (long i = 0; i < events; i++)
                BenchEventSource.Log.ThreeInts((ulong)i, -(int)i, (uint)t);
            cpu[t] = ThreadCpuNanoseconds() - cpuBefore;
            allocated[t] = GC.GetAllocatedBytesForCurrentThread() - before;
        })).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        long began = Stopwatch.GetTimestamp();
        workers.ForEach(w => w.Join());
        double wall = Stopwatch.GetElapsedTime(began).TotalNanoseconds / events;
        return ((double)cpu.Sum() / (events * threads), wall, (double)allocated.Sum() / (events * threads));
    }

    private static unsafe long ThreadCpuNanoseconds()
    {
        long* timespec = stackalloc long[2];
        return ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, timespec) == 0 ? timespec[0] * 1_000_000_000 + timespec[1] : 0;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static unsafe partial int ClockGetTime(int clock, long* timespec);
}
