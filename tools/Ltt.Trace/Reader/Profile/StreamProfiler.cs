using System.Runtime.CompilerServices;

namespace Ltt.Trace.Reader.Profile;

/// <summary>One stream's part of a <see cref="TraceProfile"/>: read on one worker, folded onto the common grid afterwards.</summary>
internal sealed class StreamProfiler
{
    private readonly AdaptiveHistogram _histogram;
    private ulong? _lastCounter;
    private ulong? _lastSequence;

    private StreamProfiler(int classes, int bins)
    {
        PerClass = new long[classes];
        _histogram = new AdaptiveHistogram(bins);
    }

    public long[] PerClass { get; }

    public long Events { get; private set; }

    public long Packets { get; private set; }

    public ulong Discarded { get; private set; }

    public ulong LostPackets { get; private set; }

    public long? Cpu { get; private set; }

    public long? FirstNs { get; private set; }

    public long? LastNs { get; private set; }

    /// <summary>Losses in this stream's clock cycles (converted once the stream is read).</summary>
    public List<(ulong Cycles, LossKind Kind, ulong Count)> Losses { get; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StreamProfiler Read(StreamCursor stream, int bins)
    {
        var profiler = new StreamProfiler(stream.Compiled.EventCount, bins);
        stream.PacketStarted = profiler.OnPacket;
        long[] perClass = profiler.PerClass;
        long events = 0;
        ulong lowest = ulong.MaxValue, highest = 0;
        bool clocked = false;
        while (stream.MoveNext())
        {
            perClass[stream.Event!.Index]++;
            events++;
            if (stream.HasClock)
            {
                ulong clock = stream.ClockValue;
                profiler._histogram.Add(clock);
                lowest = Math.Min(lowest, clock);
                highest = Math.Max(highest, clock);
                clocked = true;
            }
        }
        stream.PacketStarted = null;
        profiler.Events = events;
        if (clocked)
        {
            profiler.FirstNs = stream.NanosecondsFromOrigin(lowest);
            profiler.LastNs = stream.NanosecondsFromOrigin(highest);
        }
        return profiler;
    }

    private void OnPacket(StreamCursor s)
    {
        Packets++;
        if (Packets == 1)
        {
            // LTTng writes a stream file per CPU and says which in every packet context; the first one tells.
            var cpu = s.ReadPacketContext().FirstOrDefault(v => v.Name == "cpu_id");
            if (cpu is not null)
                Cpu = (long)cpu.Value.Integer;
        }
        if (s.PacketSequenceNumber is { } sequence)
        {
            // A gap in sequence numbers is packets lost (overwritten in flight-recorder mode): marked where the next one starts.
            if (_lastSequence is { } previous && sequence > previous + 1)
            {
                LostPackets += sequence - previous - 1;
                Losses.Add((s.TimestampBegin ?? s.ClockValue, LossKind.LostPackets, sequence - previous - 1));
            }
            _lastSequence = sequence;
        }
        if (s.EventsDiscarded is { } counter)
        {
            // The counter only grows; what this packet adds was dropped up to its end.
            ulong added = counter - (_lastCounter ?? 0);
            if (added > 0)
            {
                Discarded += added;
                Losses.Add((s.TimestampEnd ?? s.TimestampBegin ?? s.ClockValue, LossKind.DiscardedEvents, added));
            }
            _lastCounter = counter;
        }
    }

    public StreamProfile Summary(StreamCursor stream) =>
        new(stream.FileName, Cpu, Events, Packets, stream.Length, FirstNs, LastNs, Discarded, LostPackets);

    /// <summary>Adds this stream's bins to <paramref name="grid"/> (spanning first..last ns): each bin goes where its middle falls.</summary>
    public void FoldInto(long[] grid, long firstNs, long lastNs, StreamCursor stream)
    {
        var bins = _histogram.Bins;
        double span = Math.Max(1, lastNs - firstNs);
        for (int i = 0; i < bins.Length; i++)
        {
            if (bins[i] == 0)
                continue;
            double middle = _histogram.Origin + (i + 0.5) * _histogram.Width;
            long ns = stream.NanosecondsFromOrigin((ulong)Math.Min(middle, ulong.MaxValue));
            int target = (int)Math.Clamp((ns - firstNs) / span * grid.Length, 0, grid.Length - 1);
            grid[target] += bins[i];
        }
    }
}
