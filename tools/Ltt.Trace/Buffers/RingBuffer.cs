using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Ltt.Trace.Clocks;
using Ltt.Trace.Ctf;
using Ltt.Trace.Serialization;

namespace Ltt.Trace.Buffers;

/// <summary>
/// One CPU's lock-free ring buffer: N sub-buffers of S bytes, each filled with events and
/// handed to the consumer as one CTF packet.
/// </summary>
/// <remarks>
/// Design. Positions are free-running 64-bit byte counts; position p lives in sub-buffer
/// slot (p / S) mod N, generation p / (N S), and p / S is the packet sequence number.
/// <list type="bullet">
/// <item><c>_position</c>: next free byte. Writers move it with compare-and-swap (reserve);
/// the consumer moves it the same way to close a sub-buffer on flush. The clock is read
/// after loading the position and before the CAS, so a successful CAS orders timestamps
/// like positions (the clock is linearizable), and the 27-bit compact header stays exact.</item>
/// <item>Commit counters: bytes committed to a slot since the buffer was created (low 40 bits)
/// plus events committed (high 24 bits), summed over several counters. Each writer thread of a
/// <see cref="Runtime.TraceSession"/> owns a row of its own (one counter per slot, on its own
/// cache lines, registered with <see cref="RegisterWriterRow"/>) and adds to it with a plain
/// store after its payload is written: only that thread ever writes it, so no lock prefix is
/// needed, even when the thread migrated since its reserve. <c>_commits[slot]</c> is the
/// shared row, added to with Interlocked by <see cref="Commit(in Reservation)"/> and by the
/// closer for the padding. Generation g of a slot is complete when the sum of its counters
/// reaches (g + 1) S; only then does anyone read it or reuse it. A sum read counter by counter
/// can only lag the truth (counters only grow, and nothing commits to generation g + 1 before
/// g is complete), so "complete" is never seen early. Whoever commits the last byte of a
/// sub-buffer (the closer, or an event ending exactly at the boundary) wakes the consumer; a
/// writer of another thread may still be committing then, so the consumer polls again soon
/// while a closed sub-buffer is incomplete (<see cref="OldestClosedIncomplete"/>).</item>
/// <item><c>_info[slot]</c>: the packet context facts. The writer that opens a sub-buffer
/// (the switch-in) writes the begin timestamp and the slot's event count so far; the writer
/// or flusher that closes it writes the content size, end timestamp and the cumulative
/// discarded count. Both write before their own commit, so a complete slot has them.</item>
/// <item><c>_consumed</c>: first byte not yet consumed. The consumer advances it with CAS
/// after copying a complete sub-buffer; in overwrite mode a writer opening a sub-buffer whose
/// previous generation is still unread advances it too ("pushes" the reader) and counts
/// those events as overwritten. Exactly one of the two wins the CAS, so each packet is
/// either in the trace or counted lost, never both. The consumer also checks, after copying,
/// that no writer reserved into the slot's next generation, so it never keeps a torn copy.</item>
/// <item><c>_discarded</c>, <c>_overwritten</c>: lost-event counters (Interlocked).</item>
/// <item><c>_lastTimestampHigh</c>: timestamp bits above the 27th of a recent event, written
/// after a successful reserve and read before one: any value a writer can see belongs to an
/// event before it in the stream, so equality means the compact header is exact.</item>
/// </list>
/// Events never straddle sub-buffers: one that does not fit closes the current sub-buffer
/// (the rest is padding) and opens the next; one that ends exactly at the boundary closes it.
/// A position at a boundary therefore always means "no sub-buffer open".
/// </remarks>
public sealed unsafe partial class RingBuffer : IDisposable
{
    private const int EventCountShift = 40;
    private const long CommitBytesMask = (1L << EventCountShift) - 1;
    private const long EventUnit = 1L << EventCountShift;
    private const int TimestampBits = CtfPacketLayout.CompactTimestampBits;
    private const int PrefetchDistance = 512;

    private readonly byte* _memory;
    private readonly long _bufferMask;
    private readonly long _subbufferMask;
    private readonly int _subbufferShift;
    private readonly int _slotMask;
    private readonly int _generationShift;
    private readonly bool _overwrite;
    private readonly PaddedLong[] _commits;
    private readonly SlotInfo[] _info;
    private readonly Action? _onSubbufferComplete;
    private readonly GlobalClock? _globalClock;
    private readonly int _rowBytes;
    private readonly Lock _rowsLock = new();
    private nint[] _rows = [];

    private PaddedLong _position;
    private PaddedLong _lastTimestampHigh;
    private PaddedLong _consumed;
    private PaddedLong _discarded;
    private PaddedLong _overwritten;
    private int _disposed;

    /// <param name="onSubbufferComplete">Called once per sub-buffer, by the writer or flusher that
    /// closed it, after its own commit, so a waiting consumer wakes up.</param>
    /// <param name="globalClock">Stamps events with this globally ordered clock (shared by the
    /// buffers of a session) instead of <see cref="LocalClock"/>.</param>
    public RingBuffer(ChannelConfig config, int cpu, Action? onSubbufferComplete = null, GlobalClock? globalClock = null)
    {
        IReadOnlyList<string> errors = config.Validate();
        if (errors.Count > 0)
            ThrowHelper.ArgumentOutOfRange(nameof(config), string.Join("; ", errors));
        Config = config;
        Cpu = cpu;
        SubbufferSize = config.SubbufferSize;
        SubbufferCount = config.SubbufferCount;
        _subbufferShift = System.Numerics.BitOperations.Log2((uint)SubbufferSize);
        _generationShift = _subbufferShift + System.Numerics.BitOperations.Log2((uint)SubbufferCount);
        _subbufferMask = SubbufferSize - 1;
        _bufferMask = config.BufferSize - 1;
        _slotMask = SubbufferCount - 1;
        _overwrite = config.Mode == BufferMode.Overwrite;
        _commits = new PaddedLong[SubbufferCount];
        _info = new SlotInfo[SubbufferCount];
        _onSubbufferComplete = onSubbufferComplete;
        _globalClock = globalClock;
        _rowBytes = (SubbufferCount * sizeof(long) + 127) & ~127;
        _memory = (byte*)NativeMemory.AlignedAlloc((nuint)config.BufferSize, ChannelConfig.MinSubbufferSize);
        NativeMemory.Clear(_memory, (nuint)config.BufferSize);
    }

    public ChannelConfig Config { get; }

    public int Cpu { get; }

    public int SubbufferSize { get; }

    public int SubbufferCount { get; }

    /// <summary>Events dropped because the buffer was full (or the event larger than a sub-buffer).</summary>
    public long EventsDiscarded => Volatile.Read(ref _discarded.Value);

    /// <summary>Events lost in sub-buffers overwritten before the consumer read them.</summary>
    public long EventsOverwritten => Volatile.Read(ref _overwritten.Value);

    /// <summary>
    /// Reserves room for an event and writes its header. Returns false when the event is lost
    /// (counted in <see cref="EventsDiscarded"/>). The payload is then written at
    /// <see cref="Reservation.PayloadPosition"/> (see <see cref="Payload"/>) and
    /// <see cref="Commit(in Reservation)"/> called on this same buffer.
    /// </summary>
    /// <param name="payloadAlignment">Power of two, 1 to 8: the payload's largest field alignment.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReserve(int eventId, int payloadSize, int payloadAlignment, out Reservation reservation)
    {
        long position = Volatile.Read(ref _position.Value);
        ulong timestamp = Now();
        if ((position & _subbufferMask) != 0 && (uint)eventId <= CtfPacketLayout.MaxCompactId
            && (long)(timestamp >> TimestampBits) == Volatile.Read(ref _lastTimestampHigh.Value))
        {
            long payload = (position + CtfPacketLayout.CompactHeaderSize + payloadAlignment - 1) & -payloadAlignment;
            long end = payload + payloadSize;
            if ((end >> _subbufferShift) == (position >> _subbufferShift)
                && Interlocked.CompareExchange(ref _position.Value, end, position) == position)
            {
                CtfPacketLayout.WriteCompactHeader(ref *(_memory + (position & _bufferMask)), eventId, timestamp);
                // Pull a line a few events ahead into the cache now: the next reserve's CAS drains
                // the store buffer, and would otherwise wait there for this line's miss.
                if (Sse.IsSupported)
                    Sse.Prefetch0(_memory + ((end + PrefetchDistance) & _bufferMask));
                reservation = new Reservation(position, payload, (int)(end - position));
                return true;
            }
        }
        return TryReserveSlow(eventId, payloadSize, payloadAlignment, out reservation);
    }

    /// <summary>
    /// The typed fast path whole: reserves, writes header and payload, and commits through the
    /// calling thread's row (from <see cref="RegisterWriterRow"/>), keeping the reservation in
    /// registers (no <see cref="Reservation"/> copy on the stack) and the buffer's fields in
    /// locals loaded before the CAS (after it, the JIT would load them again). False when the
    /// event was lost (counted).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryWrite<T>(int eventId, in T payload, long* row) where T : struct, IEventPayload<T>
    {
        long subbufferMask = _subbufferMask;
        int subbufferShift = _subbufferShift;
        byte* memory = _memory;
        long bufferMask = _bufferMask;
        long position = Volatile.Read(ref _position.Value);
        ulong timestamp = Now();
        if ((position & subbufferMask) != 0 && (uint)eventId <= CtfPacketLayout.MaxCompactId
            && (long)(timestamp >> TimestampBits) == Volatile.Read(ref _lastTimestampHigh.Value))
        {
            long payloadPosition = (position + CtfPacketLayout.CompactHeaderSize + T.Alignment - 1) & -T.Alignment;
            long end = payloadPosition + T.Size;
            if ((end >> subbufferShift) == (position >> subbufferShift)
                && Interlocked.CompareExchange(ref _position.Value, end, position) == position)
            {
                CtfPacketLayout.WriteCompactHeader(ref *(memory + (position & bufferMask)), eventId, timestamp);
                if (Sse.IsSupported)
                    Sse.Prefetch0(memory + ((end + PrefetchDistance) & bufferMask));
                payload.WriteTo(ref *(memory + (payloadPosition & bufferMask)));
                long* counter = row + ((int)(position >> subbufferShift) & _slotMask);
                // Release: the payload is visible before the count that says it is there.
                Volatile.Write(ref *counter, *counter + (end - position) + EventUnit);
                if ((end & subbufferMask) == 0)
                    OnSubbufferClosed();
                return true;
            }
        }
        return TryWriteSlow(eventId, payload, row);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryWriteSlow<T>(int eventId, in T payload, long* row) where T : struct, IEventPayload<T>
    {
        if (!TryReserveSlow(eventId, T.Size, T.Alignment, out Reservation reservation))
            return false;
        payload.WriteTo(ref PayloadStart(reservation));
        Commit(reservation, row);
        return true;
    }

    /// <summary>The payload bytes of a reservation, to serialize into.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Payload(in Reservation reservation, int payloadSize) =>
        new(_memory + (reservation.PayloadPosition & _bufferMask), payloadSize);

    /// <summary>A reference to the first payload byte, for typed writers that store fields directly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref byte PayloadStart(in Reservation reservation) => ref *(_memory + (reservation.PayloadPosition & _bufferMask));

    /// <summary>Publishes a reserved event: its bytes count toward completing the sub-buffer.
    /// Any thread may call it (an Interlocked add on the slot's shared counter).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Commit(in Reservation reservation)
    {
        int slot = (int)(reservation.Start >> _subbufferShift) & _slotMask;
        Interlocked.Add(ref _commits[slot].Value, reservation.CommitBytes + EventUnit);
        if (((reservation.Start + reservation.CommitBytes) & _subbufferMask) == 0)
            OnSubbufferClosed();
    }

    /// <summary>
    /// Publishes a reserved event through the calling thread's own commit row (from
    /// <see cref="RegisterWriterRow"/>): a plain store, no lock prefix. Only the thread the row
    /// was registered for may pass it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Commit(in Reservation reservation, long* row)
    {
        long* counter = row + ((int)(reservation.Start >> _subbufferShift) & _slotMask);
        // Release: the payload is visible before the count that says it is there.
        Volatile.Write(ref *counter, *counter + reservation.CommitBytes + EventUnit);
        if (((reservation.Start + reservation.CommitBytes) & _subbufferMask) == 0)
            OnSubbufferClosed();
    }

    /// <summary>
    /// A commit row for one writer thread: one counter per slot, on cache lines of its own,
    /// freed with the buffer. The thread passes it to <see cref="Commit(in Reservation, long*)"/>.
    /// </summary>
    internal long* RegisterWriterRow()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        long* row = (long*)NativeMemory.AlignedAlloc((nuint)_rowBytes, 128);
        NativeMemory.Clear(row, (nuint)_rowBytes);
        lock (_rowsLock)
            Volatile.Write(ref _rows, [.. _rows, (nint)row]);
        return row;
    }

    /// <summary>Cumulative bytes and events committed to a slot: the shared counter plus every writer row.</summary>
    private long CommitTotal(int slot)
    {
        long total = Volatile.Read(ref _commits[slot].Value);
        foreach (nint row in Volatile.Read(ref _rows))
            total += Volatile.Read(ref ((long*)row)[slot]);
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Now() => _globalClock is null ? LocalClock.Now() : _globalClock.Now();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        NativeMemory.AlignedFree(_memory);
        foreach (nint row in _rows)
            NativeMemory.AlignedFree((void*)row);
    }

    /// <summary>Per-slot packet facts; see the design notes for who writes each and when.</summary>
    private struct SlotInfo
    {
        public ulong TimestampBegin;
        public ulong TimestampEnd;
        public long ContentBytes;
        public long DiscardedAtClose;
        public long EventsBase;
    }
}
