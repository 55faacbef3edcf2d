using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Ltt.Trace.Buffers;
using Ltt.Trace.Clocks;
using Ltt.Trace.Ctf;
using Ltt.Trace.Layout;
using Ltt.Trace.Native;
using Ltt.Trace.Serialization;
using Ltt.Trace.Values;

namespace Ltt.Trace.Runtime;

/// <summary>
/// A recording: one channel of per-CPU ring buffers, a consumer thread writing their packets to
/// a CTF 1.8 trace directory (<c>metadata</c>, <c>channel0_0</c>, <c>channel0_1</c>...), and the
/// write entry points. Writes may come from any number of threads; each goes to the buffer of
/// the CPU the thread runs on. <see cref="Stop"/> is called once writers are done.
/// </summary>
/// <remarks>
/// The write path costs the thread-static loads of <see cref="WriterState"/> (the thread's
/// commit row in each buffer), a CPU read (one <c>%fs</c>-relative load of the rseq area,
/// independent of the thread-static lookup so the two overlap), the clock read, one CAS to
/// reserve, the stores of header and payload, and a plain store to commit. Measured on the
/// 2-vCPU VM this was built on, the clock read (rdtscp, about 15 ns) and the CAS (about 10 ns)
/// are most of it; see <see cref="LocalClock"/> for why the clock read is ordered.
/// </remarks>
public sealed unsafe class TraceSession : IDisposable
{
    private readonly RingBuffer[] _buffers;
    private readonly StreamFile[] _files;
    private readonly TraceConsumer _consumer;
    private readonly int[] _alignmentById;
    private readonly Lock _stopLock = new();
    private TraceSessionStats? _stats;

    private TraceSession(TraceSessionOptions options, ChannelConfig channel, CtfTraceParameters trace, StreamFile[] files)
    {
        Options = options;
        Channel = channel;
        Trace = trace;
        _files = files;
        int cpus = channel.EffectiveCpuCount;
        _buffers = new RingBuffer[cpus];
        _consumer = new TraceConsumer(_buffers, files, trace.Uuid, channel, options.FlushInterval);
        GlobalClock? globalClock = options.Clock == TraceClock.Global ? new GlobalClock() : null;
        try
        {
            for (int cpu = 0; cpu < cpus; cpu++)
                _buffers[cpu] = new RingBuffer(channel, cpu, _consumer.Wake, globalClock);
        }
        catch (OutOfMemoryException)
        {
            foreach (RingBuffer? buffer in _buffers)
                buffer?.Dispose();
            _consumer.Dispose();
            throw;
        }
        int maxId = options.Catalog.Events.Count == 0 ? -1 : options.Catalog.Events.Max(e => e.Id);
        _alignmentById = new int[maxId + 1];
        foreach (EventLayout layout in options.Catalog.Events)
            _alignmentById[layout.Id] = layout.LargestAlignment;
        _consumer.Start();
    }

    public TraceSessionOptions Options { get; }

    public ChannelConfig Channel { get; }

    public CtfTraceParameters Trace { get; }

    /// <summary>Cancelled when the consumer stopped on a write error (the disk filled): the workload should stop, the session be stopped.</summary>
    public CancellationToken Failed => _consumer.Failed;

    /// <summary>The per-CPU buffers (index = CPU), for tests and statistics.</summary>
    public IReadOnlyList<RingBuffer> Buffers => _buffers;

    /// <summary>
    /// Creates the trace directory, writes its metadata and starts the consumer. Fails with a
    /// message (nothing started, no file left) when the options are unusable: a bad channel
    /// configuration, buffers larger than the memory available, an event layout the runtime
    /// cannot serialize, a non-empty or unwritable directory.
    /// </summary>
    public static bool TryStart(TraceSessionOptions options, [NotNullWhen(true)] out TraceSession? session, [NotNullWhen(false)] out string? error)
    {
        session = null;
        ChannelConfig channel = options.Channel ?? new ChannelConfig();
        IReadOnlyList<string> problems = channel.Validate();
        if (problems.Count > 0)
        {
            error = string.Join("; ", problems);
            return false;
        }
        foreach (EventLayout layout in options.Catalog.Events)
        {
            if (!EventSerializer.TryCreate(layout, out _, out error))
                return false;
        }
        var duplicate = options.Catalog.Events.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error = $"event id {duplicate.Key} is used by {string.Join(", ", duplicate.Select(e => e.Name))}";
            return false;
        }
        CtfTraceParameters trace = options.Trace ?? CtfTraceParameters.CreateDefault(LocalClock.EpochOffset()) with { ClockFrequency = LocalClock.Frequency };

        // The buffers are allocated and cleared at once (every page touched): check they fit
        // before creating anything, rather than fail part-way or push the machine into swap.
        long needed = channel.BufferSize * channel.EffectiveCpuCount;
        long available = MachineMemory.AvailableBytes();
        if (needed > available)
        {
            error = $"the ring buffers need {MachineMemory.Format(needed)} ({channel.EffectiveCpuCount} CPU(s) x {channel.SubbufferCount} sub-buffers x {channel.SubbufferSize} bytes), " +
                $"more than the {MachineMemory.Format(available)} of memory available; use smaller or fewer sub-buffers";
            return false;
        }

        string directory = Path.GetFullPath(options.OutputDirectory);
        var files = new List<StreamFile>();
        var created = new List<string>();
        try
        {
            // Hidden files (an output marker) are not part of a trace: readers skip them too.
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any(e => !Path.GetFileName(e).StartsWith('.')))
            {
                error = $"{options.OutputDirectory}: the trace directory exists and is not empty";
                return false;
            }
            Directory.CreateDirectory(directory);
            string metadata = Path.Combine(directory, "metadata");
            created.Add(metadata + ".tmp");
            File.WriteAllText(metadata + ".tmp", TsdlWriter.Write(options.Catalog, trace), new UTF8Encoding(false));
            created.Add(metadata);
            File.Move(metadata + ".tmp", metadata, overwrite: true);
            for (int cpu = 0; cpu < channel.EffectiveCpuCount; cpu++)
            {
                string stream = Path.Combine(directory, $"{channel.Name}_{cpu}");
                created.Add(stream);
                files.Add(new StreamFile(stream));
            }
            session = new TraceSession(options, channel, trace, [.. files]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OutOfMemoryException)
        {
            // Nothing half-made stays: the files this call created go again.
            foreach (StreamFile file in files)
                file.Dispose();
            foreach (string path in created)
                File.Delete(path);
            error = ex is OutOfMemoryException
                ? $"cannot allocate the ring buffers ({MachineMemory.Format(needed)}); use smaller or fewer sub-buffers"
                : $"{options.OutputDirectory}: {ex.Message}";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>The typed fast path: writes a fixed-size payload; false when the event was lost (counted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Write<T>(int eventId, in T payload) where T : struct, IEventPayload<T>
    {
        // The thread-static lookup and the CPU read (rseq, through %fs) are independent chains of
        // loads, so they overlap; both end before the clock read, which waits for earlier loads.
        nint[] rows = WriterState.Rows(this, _buffers.Length);
        int index = BufferIndex(CurrentCpu.Read());
        // Reserve and commit on the same buffer object even if the thread migrates in between.
        // BufferIndex is in range: no bounds check.
        RingBuffer buffer = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffers), index);
        long* row = (long*)rows[index];
        if (row == null)
            row = RegisterRow(rows, index);
        return buffer.TryWrite(eventId, payload, row);
    }

    /// <summary>
    /// Writes a payload serialized elsewhere (by a gcc-compiled probe, or a replay), as it is,
    /// aligned on its event's largest field alignment from the catalog.
    /// </summary>
    public bool Write(int eventId, ReadOnlySpan<byte> payload)
    {
        if ((uint)eventId >= (uint)_alignmentById.Length || _alignmentById[eventId] == 0)
            ThrowUnknownEvent(eventId);
        nint[] rows = WriterState.Rows(this, _buffers.Length);
        int index = BufferIndex(CurrentCpu.Read());
        RingBuffer buffer = _buffers[index];
        long* row = (long*)rows[index];
        if (row == null)
            row = RegisterRow(rows, index);
        if (!buffer.TryReserve(eventId, payload.Length, _alignmentById[eventId], out Reservation reservation))
            return false;
        payload.CopyTo(buffer.Payload(reservation, payload.Length));
        buffer.Commit(reservation, row);
        return true;
    }

    /// <summary>Serializes and writes an event of any layout from its field values.</summary>
    public bool Write(EventSerializer serializer, ReadOnlySpan<FieldValue> values)
    {
        int size = serializer.Measure(values);
        nint[] rows = WriterState.Rows(this, _buffers.Length);
        int index = BufferIndex(CurrentCpu.Read());
        RingBuffer buffer = _buffers[index];
        long* row = (long*)rows[index];
        if (row == null)
            row = RegisterRow(rows, index);
        if (!buffer.TryReserve(serializer.EventId, size, serializer.Alignment, out Reservation reservation))
            return false;
        serializer.Write(buffer.Payload(reservation, size), values);
        buffer.Commit(reservation, row);
        return true;
    }


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BufferIndex(int cpu) => (uint)cpu < (uint)_buffers.Length ? cpu : (int)((uint)cpu % (uint)_buffers.Length);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long* RegisterRow(nint[] rows, int index)
    {
        long* row = _buffers[index].RegisterWriterRow();
        rows[index] = (nint)row;
        return row;
    }

    /// <summary>Flushes every buffer, waits until all packets are on disk and closes the stream files.</summary>
    public TraceSessionStats Stop()
    {
        lock (_stopLock)
            return _stats ??= StopOnce();
    }

    private TraceSessionStats StopOnce()
    {
        _consumer.Stop();
        foreach (StreamFile file in _files)
            file.Dispose();
        return new TraceSessionStats(
            _consumer.EventsInTrace,
            _buffers.Sum(b => b.EventsDiscarded),
            _buffers.Sum(b => b.EventsOverwritten),
            _consumer.Packets,
            _files.Sum(f => f.Length),
            _files.All(f => f.Direct),
            _consumer.Failure?.Message);
    }

    public void Dispose()
    {
        Stop();
        _consumer.Dispose();
        foreach (RingBuffer buffer in _buffers)
            buffer.Dispose();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnknownEvent(int eventId) =>
        throw new ArgumentOutOfRangeException(nameof(eventId), eventId, "no event with this id in the session's catalog");
}
