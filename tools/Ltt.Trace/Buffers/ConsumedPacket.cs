namespace Ltt.Trace.Buffers;

/// <summary>One packet the consumer took out of a ring buffer.</summary>
/// <param name="SequenceNumber">The sub-buffer's free-running index: gaps are overwritten packets.</param>
/// <param name="Events">Events in the packet.</param>
/// <param name="ContentBytes">Bytes used, header included; the rest of the sub-buffer is padding.</param>
public readonly record struct ConsumedPacket(ulong SequenceNumber, long Events, long ContentBytes, ulong TimestampBegin, ulong TimestampEnd, ulong EventsDiscarded);
