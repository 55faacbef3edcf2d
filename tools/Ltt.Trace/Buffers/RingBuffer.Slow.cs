using System.Runtime.CompilerServices;
using Ltt.Trace.Ctf;

namespace Ltt.Trace.Buffers;

/// <summary>The rare paths of <see cref="RingBuffer"/>: opening and closing sub-buffers,
/// extended headers, full buffers, and flushing.</summary>
public sealed unsafe partial class RingBuffer
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryReserveSlow(int eventId, int payloadSize, int payloadAlignment, out Reservation reservation)
    {
        if ((uint)eventId > int.MaxValue || payloadSize < 0 || payloadAlignment is not (1 or 2 or 4 or 8))
            ThrowHelper.ArgumentOutOfRange(nameof(payloadAlignment), "the event id must be >= 0, the size >= 0 and the alignment 1, 2, 4 or 8");
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        while (true)
        {
            long position = Volatile.Read(ref _position.Value);
            // Read after the position: a later closer reads a later value, so the cumulative
            // counts in consecutive packets never go down.
            long discarded = Volatile.Read(ref _discarded.Value);
            ulong timestamp = Now();
            long subbufferStart = position & ~_subbufferMask;

            if ((position & _subbufferMask) != 0)
            {
                bool compact = eventId <= CtfPacketLayout.MaxCompactId
                    && (long)(timestamp >> TimestampBits) == Volatile.Read(ref _lastTimestampHigh.Value);
                long payload = Align(position + CtfPacketLayout.EventHeaderSize(compact), payloadAlignment);
                long end = payload + payloadSize;
                long boundary = subbufferStart + SubbufferSize;
                if (end <= boundary)
                {
                    if (Interlocked.CompareExchange(ref _position.Value, end, position) != position)
                        continue;
                    Volatile.Write(ref _lastTimestampHigh.Value, (long)(timestamp >> TimestampBits));
                    if (end == boundary)
                        WriteClose(SlotOf(position), SubbufferSize, timestamp, discarded);
                    WriteEventHeader(position, compact, eventId, timestamp);
                    reservation = new Reservation(position, payload, (int)(end - position));
                    return true;
                }
                // Does not fit: close this sub-buffer and open the next one below.
            }

            long begin = (position & _subbufferMask) != 0 ? subbufferStart + SubbufferSize : position;
            // The first event of a packet is always exact in compact form: the packet's begin
            // timestamp is its own.
            bool firstCompact = eventId <= CtfPacketLayout.MaxCompactId;
            long firstPayload = Align(begin + CtfPacketLayout.HeaderAndContextSize + CtfPacketLayout.EventHeaderSize(firstCompact), payloadAlignment);
            long firstEnd = firstPayload + payloadSize;
            if (firstEnd > begin + SubbufferSize)
                return Discard(out reservation);
            if (!TryPrepareOpen(begin, out long eventsBefore))
                return Discard(out reservation);
            if (Interlocked.CompareExchange(ref _position.Value, firstEnd, position) != position)
                continue;

            Volatile.Write(ref _lastTimestampHigh.Value, (long)(timestamp >> TimestampBits));
            if ((position & _subbufferMask) != 0)
                CloseWithPadding(position, timestamp, discarded);
            Open(begin, timestamp, eventsBefore);
            if (firstEnd == begin + SubbufferSize)
                WriteClose(SlotOf(begin), SubbufferSize, timestamp, discarded);
            WriteEventHeader(begin + CtfPacketLayout.HeaderAndContextSize, firstCompact, eventId, timestamp);
            reservation = new Reservation(begin, firstPayload, (int)(firstEnd - begin));
            return true;
        }
    }

    /// <summary>
    /// Closes the open sub-buffer, if any, so the consumer can take it. With
    /// <paramref name="emitEmptyPacket"/>, when nothing is open, writes a packet with no event
    /// (it carries the final discarded count, and gives a stream with no event a packet).
    /// Safe with concurrent writers. Returns false when a packet was needed but the buffer is
    /// full (discard mode): consume, then flush again.
    /// </summary>
    public bool Flush(bool emitEmptyPacket = false)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        while (true)
        {
            long position = Volatile.Read(ref _position.Value);
            long discarded = Volatile.Read(ref _discarded.Value);
            ulong timestamp = Now();
            if ((position & _subbufferMask) != 0)
            {
                long boundary = (position & ~_subbufferMask) + SubbufferSize;
                if (Interlocked.CompareExchange(ref _position.Value, boundary, position) != position)
                    continue;
                CloseWithPadding(position, timestamp, discarded);
                return true;
            }
            if (!emitEmptyPacket)
                return true;
            if (!TryPrepareOpen(position, out long eventsBefore))
                return false;
            long end = position + SubbufferSize;
            if (Interlocked.CompareExchange(ref _position.Value, end, position) != position)
                continue;
            Open(position, timestamp, eventsBefore);
            WriteClose(SlotOf(position), CtfPacketLayout.HeaderAndContextSize, timestamp, discarded);
            CommitBytes(position, SubbufferSize);
            return true;
        }
    }

    /// <summary>Free-running position of the next free byte.</summary>
    public long Position => Volatile.Read(ref _position.Value);

    private static long Align(long position, int alignment) => (position + alignment - 1) & -alignment;

    private int SlotOf(long position) => (int)(position >> _subbufferShift) & _slotMask;

    private long GenerationOf(long position) => position >> _generationShift;

    private bool Discard(out Reservation reservation)
    {
        Interlocked.Increment(ref _discarded.Value);
        reservation = default;
        return false;
    }

    /// <summary>
    /// Whether the sub-buffer starting at <paramref name="begin"/> may be opened now, and the
    /// slot's cumulative event count before it (exact: the previous generation is complete and
    /// nobody can commit to the slot until our CAS opens it).
    /// </summary>
    private bool TryPrepareOpen(long begin, out long eventsBefore)
    {
        int slot = SlotOf(begin);
        long previousBytes = GenerationOf(begin) * SubbufferSize;
        long commit = CommitTotal(slot);
        eventsBefore = CumulativeEvents(commit, previousBytes);
        if (!_overwrite && begin + SubbufferSize - Volatile.Read(ref _consumed.Value) > Config.BufferSize)
            return false; // discard mode, the consumer has not freed the slot
        // In overwrite mode, a writer still committing to the previous generation blocks reuse.
        return (commit & CommitBytesMask) == (previousBytes & CommitBytesMask);
    }

    /// <summary>Cumulative events committed to a slot whose cumulative bytes are known to be <paramref name="bytes"/>.</summary>
    private static long CumulativeEvents(long commit, long bytes) =>
        (long)(((ulong)commit >> EventCountShift) - ((ulong)bytes >> EventCountShift)) & ((1L << (64 - EventCountShift)) - 1);

    private void Open(long begin, ulong timestamp, long eventsBefore)
    {
        ref SlotInfo info = ref _info[SlotOf(begin)];
        long overwrittenEvents = (eventsBefore - info.EventsBase) & ((1L << (64 - EventCountShift)) - 1);
        info.TimestampBegin = timestamp;
        info.EventsBase = eventsBefore;
        if (!_overwrite)
            return;
        long stale = begin - Config.BufferSize; // the previous generation of this slot
        if (stale < 0)
            return;
        // Push the reader off the stale generation. The writer that opened the sub-buffer
        // before this one may not have pushed the reader off its own stale generation yet
        // (it won the position CAS before us but runs its push after us): wait for it,
        // or the reader would stay behind forever, neither taking its packet nor counting
        // it lost (TryConsume leaves that push to the writers).
        var spin = default(SpinWait);
        while (true)
        {
            long consumed = Volatile.Read(ref _consumed.Value);
            if (consumed > stale)
                return; // the consumer took the stale packet in time
            if (consumed == stale)
            {
                if (Interlocked.CompareExchange(ref _consumed.Value, stale + SubbufferSize, stale) == stale)
                {
                    Interlocked.Add(ref _overwritten.Value, overwrittenEvents);
                    return;
                }
                continue;
            }
            spin.SpinOnce();
        }
    }

    private void CloseWithPadding(long position, ulong timestamp, long discarded)
    {
        long used = position & _subbufferMask;
        WriteClose(SlotOf(position), used, timestamp, discarded);
        CommitBytes(position, SubbufferSize - used);
    }

    private void WriteClose(int slot, long contentBytes, ulong timestamp, long discarded)
    {
        ref SlotInfo info = ref _info[slot];
        info.ContentBytes = contentBytes;
        info.TimestampEnd = timestamp;
        info.DiscardedAtClose = discarded;
    }

    private void CommitBytes(long position, long bytes)
    {
        Interlocked.Add(ref _commits[SlotOf(position)].Value, bytes);
        OnSubbufferClosed();
    }

    private void WriteEventHeader(long position, bool compact, int eventId, ulong timestamp)
    {
        ref byte destination = ref *(_memory + (position & _bufferMask));
        if (compact)
            CtfPacketLayout.WriteCompactHeader(ref destination, eventId, timestamp);
        else
            CtfPacketLayout.WriteExtendedHeader(ref destination, eventId, timestamp);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnSubbufferClosed() => _onSubbufferComplete?.Invoke();
}
