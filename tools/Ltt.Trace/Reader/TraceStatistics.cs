using System.Diagnostics;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader;

/// <summary>
/// Counts of a whole trace: events per event class and per stream, discarded events and lost
/// packets (what babeltrace2 warns of: events_discarded growth and packet sequence-number
/// gaps), first and last timestamps, and how fast it decoded. Collecting them decodes and
/// bounds-checks every field of every event (as babeltrace2's counter sink does), each stream
/// on its own core: counting needs no time order across streams, so there is no merge.
/// </summary>
public sealed record TraceStatistics(
    long Events,
    IReadOnlyList<(string Name, long Count)> PerEventClass,
    IReadOnlyList<(string Stream, long Events, long Packets, ulong Discarded, ulong LostPackets)> PerStream,
    long? FirstNs,
    long? LastNs,
    TimeSpan Elapsed,
    IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    public ulong Discarded => PerStream.Aggregate(0UL, (sum, s) => sum + s.Discarded);

    public ulong LostPackets => PerStream.Aggregate(0UL, (sum, s) => sum + s.LostPackets);

    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;

    public static TraceStatistics Collect(TraceSet traces)
    {
        var watch = Stopwatch.StartNew();
        var tallies = new StreamTally[traces.Streams.Count];
        StreamWorkers.ForEach(traces.Streams, stream => tallies[stream.Order] = StreamTally.Count(stream));
        watch.Stop();

        var perClass = new Dictionary<CtfEventClass, long>(ReferenceEqualityComparer.Instance);
        long? first = null, last = null;
        foreach (var (stream, tally) in traces.Streams.Zip(tallies))
        {
            for (int i = 0; i < tally.PerClass.Length; i++)
            {
                if (tally.PerClass[i] > 0)
                {
                    var eventClass = stream.Compiled.EventClass(i);
                    perClass[eventClass] = perClass.GetValueOrDefault(eventClass) + tally.PerClass[i];
                }
            }
            if (tally.FirstNs is { } f)
                first = first is null ? f : Math.Min(first.Value, f);
            if (tally.LastNs is { } l)
                last = last is null ? l : Math.Max(last.Value, l);
        }
        return new TraceStatistics(
            tallies.Sum(t => t.Events),
            perClass.Select(p => (p.Key.Name, p.Value)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            traces.Streams.Select(s => (s.FileName, tallies[s.Order].Events, tallies[s.Order].Packets, tallies[s.Order].Discarded, tallies[s.Order].LostPackets)).ToList(),
            first,
            last,
            watch.Elapsed,
            traces.Diagnostics.ToList());
    }

    /// <summary>What one stream adds up to.</summary>
    private sealed class StreamTally
    {
        public long[] PerClass = [];
        public long Events;
        public long Packets;
        public ulong Discarded;
        public ulong LostPackets;
        public long? FirstNs;
        public long? LastNs;

        /// <summary>Sum of every payload field the lean runs loaded: they are decoded, not skipped.</summary>
        public ulong Fold;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public static StreamTally Count(StreamCursor stream)
        {
            var tally = new StreamTally { PerClass = new long[stream.Compiled.EventCount] };
            ulong? lastCounter = null;
            ulong? lastSequence = null;
            stream.PacketStarted = s =>
            {
                tally.Packets++;
                if (s.PacketSequenceNumber is { } sequence)
                {
                    // A gap in sequence numbers is packets lost (overwritten in flight-recorder mode).
                    if (lastSequence is { } previous && sequence > previous + 1)
                        tally.LostPackets += sequence - previous - 1;
                    lastSequence = sequence;
                }
                if (s.EventsDiscarded is { } counter)
                {
                    // The counter is a snapshot that only grows (modulo its width); the difference is what this packet adds.
                    tally.Discarded += counter - (lastCounter ?? 0);
                    lastCounter = counter;
                }
            };
            long[] perClass = tally.PerClass;
            ulong lastClock = 0;
            long events = 0;
            if (stream.MoveNext())
            {
                bool clocked = stream.HasClock;
                if (clocked)
                    tally.FirstNs = stream.TimestampNs;
                do
                {
                    perClass[stream.Event!.Index]++;
                    events++;
                    // The lean events after this one in its packet, in one loop (every field still loaded and checked).
                    events += stream.CountLeanRun(perClass, ref tally.Fold, default(NoLeanRunStop));
                    lastClock = stream.ClockValue;
                }
                while (stream.MoveNext());
                if (clocked)
                    tally.LastNs = stream.NanosecondsFromOrigin(lastClock);
            }
            stream.PacketStarted = null;
            tally.Events = events;
            return tally;
        }
    }
}
