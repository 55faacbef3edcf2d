using System.Runtime.InteropServices;
using Ltt.Trace.Buffers;

namespace Ltt.Trace.Runtime;

/// <summary>
/// The consumer thread of a session: sleeps until a writer closes a sub-buffer (or the flush
/// interval, or 100 ms, passes), then appends the complete sub-buffers of each CPU's ring
/// buffer to that CPU's stream file, several packets per write (up to 8 MiB). In discard mode
/// they are written straight from the ring buffer (no copy: writers cannot reclaim a sub-buffer
/// before it is released); in overwrite mode a writer may reclaim one at any time, so each is
/// copied out and checked first. It polls every
/// millisecond only while a closed sub-buffer waits for a commit of another thread, so on an
/// idle or steady channel it costs the writers' CPUs nothing between sub-buffers. With a flush
/// interval it closes the open sub-buffers that often (LTTng's switch timer). On stop it
/// flushes the open sub-buffers, writes a last packet wherever one is needed to carry the final
/// discarded count or to give an empty stream a packet, and syncs the files.
/// </summary>
internal sealed unsafe class TraceConsumer : IDisposable
{
    private const int BatchBytes = 8 << 20;

    private readonly RingBuffer[] _buffers;
    private readonly StreamFile[] _files;
    private readonly Guid _uuid;
    private readonly byte* _staging;
    private readonly ConsumedPacket[] _acquired;
    private readonly int _stagingPackets;
    private readonly int _subbufferSize;
    private readonly long[] _packetsPerStream;
    private readonly ulong[] _lastDiscarded;
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly CancellationTokenSource _failed = new();
    private readonly Thread _thread;
    private readonly TimeSpan? _flushInterval;
    private volatile bool _stopping;
    private long _eventsInTrace;
    private long _packets;

    /// <param name="buffers">The session's buffers; filled in by the caller before <see cref="Start"/>.</param>
    public TraceConsumer(RingBuffer[] buffers, StreamFile[] files, Guid uuid, ChannelConfig channel, TimeSpan? flushInterval = null)
    {
        int subbufferSize = channel.SubbufferSize;
        _flushInterval = flushInterval;
        _buffers = buffers;
        _files = files;
        _uuid = uuid;
        _subbufferSize = subbufferSize;
        _stagingPackets = Math.Max(1, BatchBytes / subbufferSize);
        _staging = channel.Mode == BufferMode.Overwrite ? (byte*)NativeMemory.AlignedAlloc((nuint)((long)_stagingPackets * subbufferSize), 4096) : null;
        _acquired = new ConsumedPacket[_stagingPackets];
        _packetsPerStream = new long[buffers.Length];
        _lastDiscarded = new ulong[buffers.Length];
        _thread = new Thread(Run) { IsBackground = true, Name = "ltt-trace consumer" };
    }

    public long EventsInTrace => Interlocked.Read(ref _eventsInTrace);

    public long Packets => Interlocked.Read(ref _packets);

    public Exception? Failure { get; private set; }

    /// <summary>Cancelled when the consumer stops on a write error (the disk filled): writers can stop early.</summary>
    public CancellationToken Failed => _failed.Token;

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
            const int IdleMilliseconds = 100;
            long nextFlush = _flushInterval is { } first ? Environment.TickCount64 + (long)first.TotalMilliseconds : long.MaxValue;
            bool pending = false;
            while (!_stopping)
            {
                long now = Environment.TickCount64;
                int timeout = pending ? 1 : (int)Math.Clamp(nextFlush - now, 0, IdleMilliseconds);
                _wake.Wait(timeout);
                _wake.Reset();
                if (Environment.TickCount64 >= nextFlush)
                {
                    foreach (RingBuffer buffer in _buffers)
                        buffer.Flush();
                    nextFlush = Environment.TickCount64 + (long)_flushInterval!.Value.TotalMilliseconds;
                }
                DrainAll();
                pending = _buffers.Any(b => b.OldestClosedIncomplete);
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
            foreach (StreamFile file in _files)
                file.Sync();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Every file ends at a whole packet (StreamFile cuts a failed write back); make that
            // durable where possible, so the trace written so far stays readable.
            Failure = ex;
            foreach (StreamFile file in _files)
            {
                try
                {
                    file.Sync();
                }
                catch (IOException)
                {
                }
            }
            _failed.Cancel();
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
            int count = buffer.Config.Mode == BufferMode.Discard ? WriteInPlace(stream) : CopyAndWrite(stream);
            if (count == 0)
                return;
            _packetsPerStream[stream] += count;
            Interlocked.Add(ref _packets, count);
        }
    }

    private int WriteInPlace(int stream)
    {
        RingBuffer buffer = _buffers[stream];
        int count = buffer.TryAcquire(_acquired, _uuid, out byte* start);
        if (count == 0)
            return 0;
        _files[stream].Append(new ReadOnlySpan<byte>(start, count * _subbufferSize));
        buffer.Release(count);
        Account(stream, count);
        return count;
    }

    private int CopyAndWrite(int stream)
    {
        RingBuffer buffer = _buffers[stream];
        int count = 0;
        while (count < _stagingPackets
            && buffer.TryConsume(new Span<byte>(_staging + (long)count * _subbufferSize, _subbufferSize), _uuid, out _acquired[count]))
            count++;
        if (count == 0)
            return 0;
        _files[stream].Append(new ReadOnlySpan<byte>(_staging, count * _subbufferSize));
        Account(stream, count);
        return count;
    }

    private void Account(int stream, int count)
    {
        long events = 0;
        for (int i = 0; i < count; i++)
            events += _acquired[i].Events;
        _lastDiscarded[stream] = _acquired[count - 1].EventsDiscarded;
        Interlocked.Add(ref _eventsInTrace, events);
    }

    public void Dispose()
    {
        if (_staging != null)
            NativeMemory.AlignedFree(_staging);
        _wake.Dispose();
        _failed.Dispose();
    }
}
