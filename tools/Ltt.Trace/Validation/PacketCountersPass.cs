using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>
/// Packet sequence numbers never go back, and the discarded-event counter never goes down.
/// A forward gap in sequence numbers is whole packets lost, which a flight-recorder (overwrite)
/// channel does by design: counted in <see cref="LostPackets"/> and reported, as babeltrace2
/// warns of them, not a failure.
/// </summary>
public sealed class PacketCountersPass : ITracePass
{
    private ulong? _sequence;
    private ulong? _discarded;

    public string Name => "packet-counters";

    public string Description => "packet sequence numbers never go back (a gap is packets lost, counted) and discarded-event counters never decrease";

    /// <summary>Packets missing between consecutive sequence numbers of the stream this instance reads.</summary>
    public long LostPackets { get; private set; }

    public void OnPacket(StreamCursor stream, List<TraceDiagnostic> findings)
    {
        ulong? sequence = stream.PacketSequenceNumber;
        ulong? discarded = stream.EventsDiscarded;
        if (sequence is { } seq && _sequence is { } previous && seq != previous + 1)
        {
            if (seq > previous)
                LostPackets += (long)(seq - previous - 1);
            else
                findings.Add(Finding(stream, $"packet sequence number goes from {previous} back to {seq}"));
        }
        if (discarded is { } count && _discarded is { } before && count < before)
            findings.Add(Finding(stream, $"events_discarded goes down from {before} to {count}"));
        _sequence = sequence ?? _sequence;
        _discarded = discarded ?? _discarded;
    }

    public void OnEvent(StreamCursor stream, List<TraceDiagnostic> findings)
    {
    }

    private static TraceDiagnostic Finding(StreamCursor stream, string message) =>
        new("packet-counters", stream.FileName, message, Packet: stream.PacketIndex, Offset: stream.PacketOffset);
}
