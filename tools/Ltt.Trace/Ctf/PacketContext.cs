namespace Ltt.Trace.Ctf;

/// <summary>
/// The packet header and context fields of one packet, as written at its start. Sizes are in
/// bits, as CTF states them; <see cref="EventsDiscarded"/> is cumulative for the stream (the
/// LTTng convention: a reader reports the difference between consecutive packets).
/// </summary>
public readonly record struct PacketContext(
    Guid Uuid,
    uint StreamId,
    ulong StreamInstanceId,
    ulong TimestampBegin,
    ulong TimestampEnd,
    ulong ContentSizeBits,
    ulong PacketSizeBits,
    ulong SequenceNumber,
    ulong EventsDiscarded,
    uint CpuId);
