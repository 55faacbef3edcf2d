using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>
/// Time never goes backwards in a stream: event timestamps grow, each lies inside its packet's
/// [timestamp_begin, timestamp_end], and packets do not overlap.
/// </summary>
public sealed class TimestampsPass : ITracePass
{
    private readonly Dictionary<StreamCursor, (ulong LastEvent, ulong LastPacketEnd)> _last = new(ReferenceEqualityComparer.Instance);

    public string Name => "timestamps";

    public string Description => "timestamps never go backwards in a stream and stay inside their packet's bounds";

    public void OnPacket(StreamCursor stream, List<TraceDiagnostic> findings)
    {
        if (stream.TimestampBegin is not { } begin)
            return;
        var last = _last.GetValueOrDefault(stream);
        if (stream.TimestampEnd is { } end && end < begin)
            findings.Add(Finding(stream, $"packet ends (timestamp_end {end}) before it begins (timestamp_begin {begin})", stream.PacketOffset, -1));
        if (stream.PacketIndex > 0 && begin < last.LastPacketEnd)
            findings.Add(Finding(stream, $"packet begins at {begin}, before the previous packet ended ({last.LastPacketEnd})", stream.PacketOffset, -1));
        _last[stream] = (last.LastEvent, stream.TimestampEnd ?? begin);
    }

    public void OnEvent(StreamCursor stream, List<TraceDiagnostic> findings)
    {
        if (!stream.HasClock)
            return;
        ulong now = stream.ClockValue;
        var last = _last.GetValueOrDefault(stream);
        if (now < last.LastEvent)
            findings.Add(Finding(stream, $"timestamp {now} goes backwards from {last.LastEvent}", stream.EventOffset, stream.EventIndex));
        if (stream.TimestampEnd is { } end && now > end)
            findings.Add(Finding(stream, $"timestamp {now} is after its packet's timestamp_end {end}", stream.EventOffset, stream.EventIndex));
        _last[stream] = (now, last.LastPacketEnd);
    }

    private static TraceDiagnostic Finding(StreamCursor stream, string message, long offset, long eventIndex) =>
        new("timestamps", stream.FileName, message, Packet: stream.PacketIndex, Offset: offset, Event: eventIndex,
            EventName: eventIndex >= 0 ? stream.EventClass?.Name : null);
}
