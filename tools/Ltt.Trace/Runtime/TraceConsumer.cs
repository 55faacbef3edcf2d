using System.Runtime.InteropServices;
using Ltt.Trace.Buffers;

namespace Ltt.Trace.Runtime;

/// <summary>
/// The consumer thread of a session: wakes when a writer completes a sub-buffer (or every
/// few milliseconds), copies complete sub-buffers out of each CPU's ring buffer and appends
/// them, several packets per write, to that CPU's stream file. On stop it flushes the open
/// sub-buffers and writes a last packet wherever one is needed to carry the final discarded
/// count or to give an empty stream a packet.
/// </summary>
internal sealed unsafe class TraceConsumer : IDisposable
{
    private const int BatchBytes = 1 << 20;

    private readonly RingBuffer[] _buffers;
    private readonly StreamFile[] _files;
    private readonly Guid _uuid;
    private readonly byte* _staging;
    private readonly int _stagingPackets;
    private readonly int _subbufferSize;
    private readonly long[] _packetsPerStream;
    private readonly ulong[] _lastDiscarded;
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _eventsInTrace;
    private long _packets;

    public TraceConsumer(RingBuffer[] buffers, StreamFile[] files, Guid uuid, int subbufferSize)
    {
        _buffers = buffers;
        _files = files;
        _uuid = uuid;
        _subbufferSize = subbufferSize;
        _stagingPackets = Math.Max(1, BatchBytes / subbufferSize);
        _staging = (byte*)NativeMemory.AlignedAlloc((nuint)((long)_stagingPackets * subbufferSize), 4096);
        _packetsPerStream = new long[buffers.Length];
        _lastDiscarded = new ulong[buffers.Length];
        _thread = new Thread(Run) { IsBackground = true, Name = "ltt-trace consumer" };
    }

    public long EventsInTrace => Interlocked.Read(ref _eventsInTrace);

    public long Packets => Interlocked.Read(ref _packets);

    public Exception? Failure { get; private set; }

    public void Start() => _thread.Start();

    /// <summary>Wakes the consumer: a sub-buffer may be complete (called by writers, rarely).</summary>
    public void Wake()
    {
        if (!_wake.IsSet)
            _wake.Set();
    }

    /// <summary>Drains, flushes and drains again, then returns once every packet is on disk.</summary>
    public void Stop()
    {
        _stopping = true;
        _wake.Set();
        _thread.Join();
    }

    private void Run()
    {
        try
        {
            while (!_stopping)
            {
                _wake.Wait(10);
                _wake.Reset();
                DrainAll();
            }
            DrainAll();
            foreach (RingBuffer buffer in _buffers)
                buffer.Flush();
            DrainAll();
            for (int i = 0; i < _buffers.Length; i++)
            {
                // A stream with no packet, or discards since its last packet, gets one more packet.
                while (_packetsPerStream[i] == 0 || (ulong)_buffers[i].EventsDiscarded > _lastDiscarded[i])
                {
                    if (!_buffers[i].Flush(emitEmptyPacket: true))
                        Drain(i);
                    Drain(i);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failure = ex;
        }
    }

    private void DrainAll()
    {
        for (int i = 0; i < _buffers.Length; i++)
            Drain(i);
    }

    private void Drain(int stream)
    {
        RingBuffer buffer = _buffers[stream];
        while (true)
        {
            int count = 0;
            long events = 0;
            while (count < _stagingPackets
                && buffer.TryConsume(new Span<byte>(_staging + (long)count * _subbufferSize, _subbufferSize), _uuid, out ConsumedPacket packet))
            {
                count++;
                events += packet.Events;
                _lastDiscarded[stream] = packet.EventsDiscarded;
            }
            if (count == 0)
                return;
            _files[stream].Append(new ReadOnlySpan<byte>(_staging, count * _subbufferSize));
            _packetsPerStream[stream] += count;
            Interlocked.Add(ref _packets, count);
            Interlocked.Add(ref _eventsInTrace, events);
            if (count < _stagingPackets)
                return;
        }
    }

    public void Dispose()
    {
        NativeMemory.AlignedFree(_staging);
        _wake.Dispose();
    }
}
