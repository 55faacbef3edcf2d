using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>
/// Time never goes backwards in a stream: event timestamps grow, each lies inside its packet's
/// [timestamp_begin, timestamp_end], and packets do not overlap.
/// </summary>
public sealed class TimestampsPass : ITracePass
{
    private ulong _lastEvent;
    private ulong _lastPacketEnd;
    private bool _clocked;
    private ulong _packetEnd = ulong.MaxValue;

    public string Name => "timestamps";

    public string Description => "timestamps never go backwards in a stream and stay inside their packet's bounds";

    public void OnPacket(StreamCursor stream, List<TraceDiagnostic> findings)
    {
        // What each event of the packet is checked against, read once here.
        _clocked = stream.HasClock;
        _packetEnd = stream.TimestampEnd ?? ulong.MaxValue;
        if (stream.TimestampBegin is not { } begin)
            return;
        if (stream.TimestampEnd is { } end && end < begin)
            findings.Add(Finding(stream, $"packet ends (timestamp_end {end}) before it begins (timestamp_begin {begin})", stream.PacketOffset, -1));
        if (stream.PacketIndex > 0 && begin < _lastPacketEnd)
            findings.Add(Finding(stream, $"packet begins at {begin}, before the previous packet ended ({_lastPacketEnd})", stream.PacketOffset, -1));
        _lastPacketEnd = stream.TimestampEnd ?? begin;
    }

    public void OnEvent(StreamCursor stream, List<TraceDiagnostic> findings)
    {
        if (!_clocked)
            return;
        ulong now = stream.ClockValue;
        if (now < _lastEvent)
            findings.Add(Finding(stream, $"timestamp {now} goes backwards from {_lastEvent}", stream.EventOffset, stream.EventIndex));
        if (now > _packetEnd)
            findings.Add(Finding(stream, $"timestamp {now} is after its packet's timestamp_end {_packetEnd}", stream.EventOffset, stream.EventIndex));
        _lastEvent = now;
    }

    private static TraceDiagnostic Finding(StreamCursor stream, string message, long offset, long eventIndex) =>
        new("timestamps", stream.FileName, message, Packet: stream.PacketIndex, Offset: offset, Event: eventIndex,
            EventName: eventIndex >= 0 ? stream.EventClass?.Name : null);
}
