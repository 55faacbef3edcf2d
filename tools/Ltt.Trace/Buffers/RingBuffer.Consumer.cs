using Ltt.Trace.Ctf;

namespace Ltt.Trace.Buffers;

/// <summary>The consumer's side of <see cref="RingBuffer"/>: taking complete sub-buffers out as packets.</summary>
public sealed unsafe partial class RingBuffer
{
    /// <summary>Free-running position of the first byte the consumer has not taken.</summary>
    public long Consumed => Volatile.Read(ref _consumed.Value);

    /// <summary>
    /// True when the oldest unconsumed sub-buffer is closed (writers moved past it) but not all
    /// of its commits have landed yet: a writer of another thread is finishing its payload, so
    /// the consumer should look again soon rather than wait for the next wake-up.
    /// </summary>
    public bool OldestClosedIncomplete
    {
        get
        {
            long consumed = Volatile.Read(ref _consumed.Value);
            if (Volatile.Read(ref _position.Value) < consumed + SubbufferSize)
                return false;
            long completeBytes = (GenerationOf(consumed) + 1) * SubbufferSize;
            return (CommitTotal(SlotOf(consumed)) & CommitBytesMask) != (completeBytes & CommitBytesMask);
        }
    }

    /// <summary>
    /// Copies the oldest complete sub-buffer into <paramref name="destination"/> (one sub-buffer
    /// long), with its packet header and context filled in, and frees it. False when the
    /// oldest sub-buffer is not complete yet (or, in overwrite mode, is being overwritten).
    /// One consumer per buffer.
    /// </summary>
    public bool TryConsume(Span<byte> destination, Guid traceUuid, out ConsumedPacket packet)
    {
        if (destination.Length < SubbufferSize)
            ThrowHelper.ArgumentOutOfRange(nameof(destination), "the destination must hold a whole sub-buffer");
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        while (true)
        {
            long consumed = Volatile.Read(ref _consumed.Value);
            int slot = SlotOf(consumed);
            long completeBytes = (GenerationOf(consumed) + 1) * SubbufferSize;
            long commit = CommitTotal(slot);
            if ((commit & CommitBytesMask) != (completeBytes & CommitBytesMask))
            {
                packet = default;
                return false;
            }
            new ReadOnlySpan<byte>(_memory + (consumed & _bufferMask), SubbufferSize).CopyTo(destination);
            SlotInfo info = _info[slot];
            long events = (CumulativeEvents(commit, completeBytes) - info.EventsBase) & ((1L << (64 - EventCountShift)) - 1);
            if (_overwrite)
            {
                // The copy must be read before the position: if no writer has reserved into the
                // slot's next generation by now, nothing we copied was being rewritten.
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _position.Value) > consumed + Config.BufferSize)
                {
                    if (Volatile.Read(ref _consumed.Value) == consumed)
                    {
                        // A writer is in the slot's next generation and is about to push the
                        // reader past it (counting its events as overwritten): let it.
                        packet = default;
                        return false;
                    }
                    continue;
                }
            }
            if (Interlocked.CompareExchange(ref _consumed.Value, consumed + SubbufferSize, consumed) != consumed)
                continue; // a writer overwrote it first and counted it lost

            packet = WritePacketHeader(destination, consumed, info, events, traceUuid);
            return true;
        }
    }

    /// <summary>
    /// Discard mode, zero-copy: the complete sub-buffers from the read position on, at most
    /// <paramref name="packets"/>.Length of them and never past the end of the buffer memory,
    /// so they form one contiguous, page-aligned range at <paramref name="start"/>. Each gets its
    /// packet header and context written in place (writers never touch those bytes) and is
    /// described in <paramref name="packets"/>. Writers cannot reuse the range until
    /// <see cref="Release"/>, so the caller can write it out straight from the ring buffer.
    /// Returns how many sub-buffers the range holds (0: the oldest is not complete).
    /// </summary>
    internal int TryAcquire(Span<ConsumedPacket> packets, Guid traceUuid, out byte* start)
    {
        if (_overwrite)
            ThrowHelper.InvalidOperation("overwrite mode: a writer may reclaim a sub-buffer at any time; use TryConsume, which copies and checks");
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        long consumed = Volatile.Read(ref _consumed.Value);
        start = _memory + (consumed & _bufferMask);
        int max = Math.Min(packets.Length, SubbufferCount - SlotOf(consumed));
        int count = 0;
        for (; count < max; count++)
        {
            long begin = consumed + (long)count * SubbufferSize;
            int slot = SlotOf(begin);
            long completeBytes = (GenerationOf(begin) + 1) * SubbufferSize;
            long commit = CommitTotal(slot);
            if ((commit & CommitBytesMask) != (completeBytes & CommitBytesMask))
                break;
            SlotInfo info = _info[slot];
            long events = (CumulativeEvents(commit, completeBytes) - info.EventsBase) & ((1L << (64 - EventCountShift)) - 1);
            packets[count] = WritePacketHeader(new Span<byte>(_memory + (begin & _bufferMask), SubbufferSize), begin, info, events, traceUuid);
        }
        return count;
    }

    /// <summary>Frees the <paramref name="count"/> sub-buffers the last <see cref="TryAcquire"/>
    /// returned, once they are written out (discard mode: only the consumer moves the read position).</summary>
    internal void Release(int count) =>
        Volatile.Write(ref _consumed.Value, Volatile.Read(ref _consumed.Value) + (long)count * SubbufferSize);

    private ConsumedPacket WritePacketHeader(Span<byte> packet, long begin, in SlotInfo info, long events, Guid traceUuid)
    {
        ulong sequence = (ulong)(begin >> _subbufferShift);
        var context = new PacketContext(
            traceUuid,
            TsdlWriter.StreamId,
            (ulong)Cpu,
            info.TimestampBegin,
            info.TimestampEnd,
            (ulong)info.ContentBytes * 8,
            (ulong)SubbufferSize * 8,
            sequence,
            (ulong)info.DiscardedAtClose,
            (uint)Cpu);
        CtfPacketLayout.WriteHeaderAndContext(packet, context);
        return new ConsumedPacket(sequence, events, info.ContentBytes, info.TimestampBegin, info.TimestampEnd, (ulong)info.DiscardedAtClose);
    }
}
