using System.Runtime.CompilerServices;

namespace Ltt.Trace.Reader.Text;

/// <summary>
/// <see cref="TraceDump"/> on every core. Who does what:
/// <list type="bullet">
/// <item>Workers (one per core) decode a stream and format its events into a chunk: per event a
/// small header (time, the merge keys), the wall-clock part of the time prefix and the rest of the
/// line. A worker takes the stream whose queue of ready chunks is shortest, so the stream the merge
/// waits for is filled first.</item>
/// <item>The merge (the calling thread) takes, among the streams' current events, the one
/// babeltrace2's muxer would take next (smallest time, then stream class, stream instance, event
/// class, stream order), writes the delta part of the prefix (the time since the previous event
/// printed, whatever its stream) between the event's two parts, and copies them to the output in
/// large writes.</item>
/// </list>
/// One lock guards the queues and the chunk pool; it is taken once per chunk, not per event.
/// Each stream has at most <see cref="MaxReady"/> chunks waiting, so memory does not depend on
/// the trace's size.
/// </summary>
internal sealed unsafe class ParallelDump
{
    private const int MaxReady = 2;
    private const int HeaderBytes = 40;

    private readonly object _gate = new();
    private readonly Source[] _sources;
    private readonly Stack<Utf8Output> _pool = new();
    private readonly int _chunkBytes;
    private Exception? _failure;

    private ParallelDump(IReadOnlyList<StreamCursor> streams)
    {
        _sources = [.. streams.Select(s => new Source(s))];
        _chunkBytes = (int)Math.Clamp((16L << 20) / (streams.Count * (MaxReady + 2)), 16 << 10, 512 << 10);
    }

    /// <summary>Prints every event of <paramref name="streams"/> in time order; returns how many.</summary>
    public static long Write(IReadOnlyList<StreamCursor> streams, Utf8Output output)
    {
        var dump = new ParallelDump(streams);
        int workers = Math.Max(1, Math.Min(Environment.ProcessorCount, streams.Count));
        var threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            threads[i] = new Thread(dump.Work) { IsBackground = true, Name = "ltt-trace dump " + (i + 1) };
            threads[i].Start();
        }
        long events;
        try
        {
            events = dump.Merge(output);
        }
        finally
        {
            lock (dump._gate)
            {
                dump._failure ??= new OperationCanceledException("the merge stopped");
                Monitor.PulseAll(dump._gate);
            }
            foreach (var thread in threads)
                thread.Join();
        }
        return events;
    }

    private void Work()
    {
        try
        {
            while (true)
            {
                Source? source;
                Utf8Output chunk;
                lock (_gate)
                {
                    while (true)
                    {
                        if (_failure is not null)
                            return;
                        source = null;
                        bool pending = false;
                        foreach (var s in _sources)
                        {
                            if (s.Finished)
                                continue;
                            pending = true;
                            if (!s.Filling && s.Ready.Count < MaxReady && (source is null || s.Ready.Count < source.Ready.Count))
                                source = s;
                        }
                        if (!pending)
                            return;
                        if (source is not null)
                            break;
                        Monitor.Wait(_gate);
                    }
                    source.Filling = true;
                    chunk = _pool.Count > 0 ? _pool.Pop() : new Utf8Output(_chunkBytes + 1024);
                }
                bool ended = Fill(source, chunk);
                lock (_gate)
                {
                    source.Ready.Enqueue(chunk);
                    source.Filling = false;
                    source.Finished = ended;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _failure ??= ex;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Formats events of one stream into the chunk until it is full; true when the stream has no more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill(Source source, Utf8Output chunk)
    {
        chunk.Clear();
        var cursor = source.Cursor;
        while (chunk.Length < _chunkBytes)
        {
            if (!cursor.MoveNext())
                return true;
            int start = chunk.Length;
            chunk.Advance(HeaderBytes);
            bool clocked = cursor.HasClock;
            long ns = clocked ? cursor.TimestampNs : 0;
            if (clocked)
                source.Clock.WriteClock(chunk, ns);
            source.Text.Write(chunk, cursor);
            fixed (byte* header = &chunk.Buffer[start])
            {
                *(long*)header = ns;
                *(long*)(header + 8) = cursor.StreamClass!.Id;
                *(ulong*)(header + 16) = cursor.StreamInstanceId ?? (ulong)cursor.Order;
                *(long*)(header + 24) = cursor.EventClass!.Id;
                *(int*)(header + 32) = chunk.Length - start - HeaderBytes;
                *(int*)(header + 36) = clocked ? TimePrefix.ClockBytes : 0;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Merge(Utf8Output output)
    {
        var time = new TimePrefix();
        var heap = new List<Source>(_sources.Length);
        foreach (var s in _sources)
        {
            if (Advance(s))
                Push(heap, s);
        }
        long events = 0;
        while (heap.Count > 0)
        {
            var s = heap[0];
            fixed (byte* record = &s.Chunk!.Buffer[s.At])
            {
                int length = *(int*)(record + 32);
                int clock = *(int*)(record + 36);
                if (clock != 0)
                {
                    output.Write(new ReadOnlySpan<byte>(record + HeaderBytes, clock));
                    time.WriteDelta(output, s.Ns);
                }
                output.Write(new ReadOnlySpan<byte>(record + HeaderBytes + clock, length - clock));
                s.At += HeaderBytes + length;
            }
            events++;
            if (Advance(s))
                SiftDown(heap, 0);
            else
                RemoveTop(heap);
        }
        output.Flush();
        return events;
    }

    /// <summary>Moves a source to its next record, waiting for its next chunk when needed; false when the stream is done.</summary>
    private bool Advance(Source s)
    {
        if (s.Chunk is null || s.At >= s.Chunk.Length)
        {
            lock (_gate)
            {
                if (s.Chunk is not null)
                {
                    _pool.Push(s.Chunk);
                    s.Chunk = null;
                    Monitor.PulseAll(_gate);
                }
                while (true)
                {
                    if (_failure is not null)
                        throw new InvalidOperationException("a dump worker failed", _failure);
                    if (s.Ready.Count > 0)
                    {
                        s.Chunk = s.Ready.Dequeue();
                        s.At = 0;
                        Monitor.PulseAll(_gate);
                        if (s.Chunk.Length > 0)
                            break;
                        _pool.Push(s.Chunk);
                        s.Chunk = null;
                        continue;
                    }
                    if (s.Finished)
                        return false;
                    Monitor.Wait(_gate);
                }
            }
        }
        fixed (byte* record = &s.Chunk.Buffer[s.At])
        {
            s.Ns = *(long*)record;
            s.StreamClassId = *(long*)(record + 8);
            s.Instance = *(ulong*)(record + 16);
            s.EventClassId = *(long*)(record + 24);
        }
        return true;
    }

    /// <summary>babeltrace2's muxer order: time, stream class id, stream instance (or order), event class id, stream order.</summary>
    private static bool Before(Source a, Source b)
    {
        if (a.Ns != b.Ns)
            return a.Ns < b.Ns;
        if (a.StreamClassId != b.StreamClassId)
            return a.StreamClassId < b.StreamClassId;
        if (a.Instance != b.Instance)
            return a.Instance < b.Instance;
        if (a.EventClassId != b.EventClassId)
            return a.EventClassId < b.EventClassId;
        return a.Order < b.Order;
    }

    private static void Push(List<Source> heap, Source s)
    {
        heap.Add(s);
        int i = heap.Count - 1;
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Before(heap[i], heap[parent]))
                break;
            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void RemoveTop(List<Source> heap)
    {
        heap[0] = heap[^1];
        heap.RemoveAt(heap.Count - 1);
        if (heap.Count > 0)
            SiftDown(heap, 0);
    }

    private static void SiftDown(List<Source> heap, int i)
    {
        while (true)
        {
            int left = 2 * i + 1, right = left + 1, smallest = i;
            if (left < heap.Count && Before(heap[left], heap[smallest]))
                smallest = left;
            if (right < heap.Count && Before(heap[right], heap[smallest]))
                smallest = right;
            if (smallest == i)
                return;
            (heap[i], heap[smallest]) = (heap[smallest], heap[i]);
            i = smallest;
        }
    }

    /// <summary>One stream: its cursor and formatter (the worker's side), its ready chunks (shared, under the lock), its current record (the merge's side).</summary>
    private sealed class Source(StreamCursor cursor)
    {
        public readonly StreamCursor Cursor = cursor;
        public readonly EventText Text = new();
        public readonly TimePrefix Clock = new();
        public readonly Queue<Utf8Output> Ready = new();
        public readonly int Order = cursor.Order;
        public bool Filling;
        public bool Finished;
        public Utf8Output? Chunk;
        public int At;
        public long Ns;
        public long StreamClassId;
        public ulong Instance;
        public long EventClassId;
    }
}
