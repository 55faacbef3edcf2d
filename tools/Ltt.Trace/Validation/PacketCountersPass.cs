using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>
/// Packet sequence numbers follow each other, and the discarded-event counter never goes down.
/// A gap in sequence numbers means whole packets were lost: the reader says how many.
/// </summary>
public sealed class PacketCountersPass : ITracePass
{
    private readonly Dictionary<StreamCursor, (ulong? Sequence, ulong? Discarded)> _last = new(ReferenceEqualityComparer.Instance);

    public string Name => "packet-counters";

    public string Description => "packet sequence numbers are consecutive and discarded-event counters never decrease";

    public void OnPacket(StreamCursor stream, List<TraceDiagnostic> findings)
    {
        var last = _last.GetValueOrDefault(stream);
        ulong? sequence = stream.PacketSequenceNumber;
        ulong? discarded = stream.EventsDiscarded;
        if (sequence is { } seq && last.Sequence is { } previous && seq != previous + 1)
        {
            string message = seq > previous
                ? $"packet sequence number jumps from {previous} to {seq}: {seq - previous - 1} packet(s) lost"
                : $"packet sequence number goes from {previous} back to {seq}";
            findings.Add(Finding(stream, message));
        }
        if (discarded is { } count && last.Discarded is { } before && count < before)
            findings.Add(Finding(stream, $"events_discarded goes down from {before} to {count}"));
        _last[stream] = (sequence ?? last.Sequence, discarded ?? last.Discarded);
    }

    public void OnEvent(StreamCursor stream, List<TraceDiagnostic> findings)
    {
    }

    private static TraceDiagnostic Finding(StreamCursor stream, string message) =>
        new("packet-counters", stream.FileName, message, Packet: stream.PacketIndex, Offset: stream.PacketOffset);
}
