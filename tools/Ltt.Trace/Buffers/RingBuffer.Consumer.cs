using Ltt.Trace.Ctf;

namespace Ltt.Trace.Buffers;

/// <summary>The consumer's side of <see cref="RingBuffer"/>: taking complete sub-buffers out as packets.</summary>
public sealed unsafe partial class RingBuffer
{
    /// <summary>Free-running position of the first byte the consumer has not taken.</summary>
    public long Consumed => Volatile.Read(ref _consumed.Value);

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
            long commit = Volatile.Read(ref _commits[slot].Value);
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

            ulong sequence = (ulong)(consumed >> _subbufferShift);
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
            CtfPacketLayout.WriteHeaderAndContext(destination, context);
            packet = new ConsumedPacket(sequence, events, info.ContentBytes, info.TimestampBegin, info.TimestampEnd, (ulong)info.DiscardedAtClose);
            return true;
        }
    }
}
