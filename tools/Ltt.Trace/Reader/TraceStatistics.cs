using System.Diagnostics;

namespace Ltt.Trace.Reader;

/// <summary>
/// Counts of a whole trace: events per event class and per stream, discarded events, first
/// and last timestamps, and how fast it decoded. Collecting them decodes every field of every
/// event (as babeltrace2's counter sink does), in time order across streams.
/// </summary>
public sealed record TraceStatistics(
    long Events,
    IReadOnlyList<(string Name, long Count)> PerEventClass,
    IReadOnlyList<(string Stream, long Events, long Packets, ulong Discarded)> PerStream,
    long? FirstNs,
    long? LastNs,
    TimeSpan Elapsed,
    IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    public ulong Discarded => PerStream.Aggregate(0UL, (sum, s) => sum + s.Discarded);

    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;

    public static TraceStatistics Collect(TraceSet traces)
    {
        var watch = Stopwatch.StartNew();
        var perStream = new long[traces.Streams.Count];
        var packets = new long[traces.Streams.Count];
        var discarded = new ulong[traces.Streams.Count];
        var lastCounter = new ulong?[traces.Streams.Count];
        foreach (var stream in traces.Streams)
        {
            int index = stream.Order;
            stream.PacketStarted = s =>
            {
                packets[index]++;
                if (s.EventsDiscarded is { } counter)
                {
                    // The counter is a snapshot that only grows (modulo its width); the difference is what this packet adds.
                    discarded[index] += counter - (lastCounter[index] ?? 0);
                    lastCounter[index] = counter;
                }
            };
        }
        var perClass = new Dictionary<Metadata.CtfEventClass, long>(ReferenceEqualityComparer.Instance);
        Metadata.CtfEventClass? lastClass = null;
        long lastClassCount = 0;
        long events = 0;
        long? first = null, last = null;
        while (traces.MoveNext())
        {
            var current = traces.Current;
            events++;
            perStream[current.Order]++;
            var eventClass = current.EventClass!;
            if (!ReferenceEquals(eventClass, lastClass))
            {
                if (lastClass is not null)
                    perClass[lastClass] = perClass.GetValueOrDefault(lastClass) + lastClassCount;
                lastClass = eventClass;
                lastClassCount = 0;
            }
            lastClassCount++;
            if (current.HasClock)
            {
                long ns = current.TimestampNs;
                first ??= ns;
                last = ns;
            }
        }
        if (lastClass is not null)
            perClass[lastClass] = perClass.GetValueOrDefault(lastClass) + lastClassCount;
        watch.Stop();
        foreach (var stream in traces.Streams)
            stream.PacketStarted = null;
        return new TraceStatistics(
            events,
            perClass.Select(p => (p.Key.Name, p.Value)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            traces.Streams.Select(s => (s.FileName, perStream[s.Order], packets[s.Order], discarded[s.Order])).ToList(),
            first,
            last,
            watch.Elapsed,
            traces.Diagnostics.ToList());
    }
}
