using System.Diagnostics;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Profile;

/// <summary>
/// A whole trace summed up for pictures (<c>ltt-trace report</c>): events per class, per stream and
/// per CPU over time (binned on one grid of <see cref="BinCount"/> bins spanning the trace), and where
/// events and packets were lost. Built in one streaming pass, a stream per worker, that decodes every
/// event as <see cref="TraceStatistics"/> does; its size depends on the number of streams, classes,
/// packets with losses and bins, never on the number of events.
/// </summary>
public sealed record TraceProfile(
    long Events,
    IReadOnlyList<(string Name, long Count)> PerEventClass,
    IReadOnlyList<StreamProfile> Streams,
    IReadOnlyList<TimelineRow> Rows,
    IReadOnlyList<LossMark> Losses,
    long? FirstNs,
    long? LastNs,
    int BinCount,
    IReadOnlyList<CtfTraceClass> Traces,
    TimeSpan Elapsed,
    IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    /// <summary>Bins a stream keeps while reading: enough that folding them onto the final grid is exact to a fraction of a bin.</summary>
    private const int StreamBins = 8192;

    public ulong Discarded => Streams.Aggregate(0UL, (sum, s) => sum + s.Discarded);

    public ulong LostPackets => Streams.Aggregate(0UL, (sum, s) => sum + s.LostPackets);

    /// <summary>Seconds between the first and last event (0 for fewer than two distinct timestamps).</summary>
    public double DurationSeconds => FirstNs is { } f && LastNs is { } l ? (l - f) / 1e9 : 0;

    /// <summary>Nanoseconds one bin of <see cref="Rows"/> covers.</summary>
    public double BinNs => FirstNs is { } f && LastNs is { } l ? Math.Max(1.0, (double)(l - f) / BinCount) : 1.0;

    public static TraceProfile Collect(TraceSet traces, int binCount = 600)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var watch = Stopwatch.StartNew();
        var profilers = new StreamProfiler[traces.Streams.Count];
        StreamWorkers.ForEach(traces.Streams, stream => profilers[stream.Order] = StreamProfiler.Read(stream, StreamBins));
        watch.Stop();

        var perClass = new Dictionary<CtfEventClass, long>(ReferenceEqualityComparer.Instance);
        foreach (var (stream, profiler) in traces.Streams.Zip(profilers))
        {
            for (int i = 0; i < profiler.PerClass.Length; i++)
            {
                if (profiler.PerClass[i] > 0)
                {
                    var eventClass = stream.Compiled.EventClass(i);
                    perClass[eventClass] = perClass.GetValueOrDefault(eventClass) + profiler.PerClass[i];
                }
            }
        }
        long? first = profilers.Where(p => p.FirstNs is not null).Select(p => p.FirstNs).Min();
        long? last = profilers.Where(p => p.LastNs is not null).Select(p => p.LastNs).Max();

        // One row per CPU, in CPU order; streams without a CPU after them, one row each; files without packets have no row.
        var rows = new List<TimelineRow>();
        var rowOf = new string[profilers.Length];
        var grouped = traces.Streams.Zip(profilers).Where(p => p.Second.Packets > 0).GroupBy(p => p.Second.Cpu is { } cpu ? $"CPU {cpu}" : p.First.FileName)
            .OrderBy(g => g.First().Second.Cpu is null ? 1 : 0).ThenBy(g => g.First().Second.Cpu ?? 0).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in grouped)
        {
            var bins = new long[binCount];
            foreach (var (stream, profiler) in group)
            {
                rowOf[stream.Order] = group.Key;
                if (first is { } f && last is { } l)
                    profiler.FoldInto(bins, f, l, stream);
            }
            rows.Add(new TimelineRow(group.Key, group.First().Second.Cpu, bins));
        }

        var losses = new List<LossMark>();
        foreach (var (stream, profiler) in traces.Streams.Zip(profilers))
            losses.AddRange(profiler.Losses.Select(loss => new LossMark(rowOf[stream.Order], stream.NanosecondsFromOrigin(loss.Cycles), loss.Kind, loss.Count)));

        return new TraceProfile(
            profilers.Sum(p => p.Events),
            [.. perClass.Select(p => (p.Key.Name, p.Value)).OrderByDescending(p => p.Value).ThenBy(p => p.Name, StringComparer.Ordinal)],
            [.. traces.Streams.Select(s => profilers[s.Order].Summary(s))],
            rows,
            [.. losses.OrderBy(l => l.TimeNs)],
            first,
            last,
            binCount,
            [.. traces.Traces.Select(t => t.Trace)],
            watch.Elapsed,
            [.. traces.Diagnostics]);
    }
}
