using System.Text;

namespace Ltt.Trace.Reader;

/// <summary>
/// One problem found in a trace: which check found it, and where, as precisely as known:
/// the metadata line, or the stream file, packet index, byte offset in the file and event.
/// </summary>
/// <param name="Check">Short name of the check or reader stage (<c>metadata</c>, <c>packet-size</c>, <c>event-id</c>...).</param>
/// <param name="File">The file: <c>metadata</c> or a stream file name, relative to the trace directory.</param>
/// <param name="Line">1-based metadata line, or 0.</param>
/// <param name="Packet">0-based packet index in the stream file, or -1.</param>
/// <param name="Offset">Byte offset in the file, or -1.</param>
/// <param name="Event">0-based event index in the packet, or -1.</param>
/// <param name="EventName">Name of the event class, when known.</param>
public sealed record TraceDiagnostic(
    string Check,
    string File,
    string Message,
    long Line = 0,
    long Packet = -1,
    long Offset = -1,
    long Event = -1,
    string? EventName = null)
{
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line > 0)
            text.Append(':').Append(Line);
        if (Packet >= 0)
            text.Append(": packet ").Append(Packet);
        if (Event >= 0)
            text.Append(", event ").Append(Event);
        if (EventName is not null)
            text.Append(" (").Append(EventName).Append(')');
        if (Offset >= 0)
            text.Append(", offset ").Append(Offset).Append(" (0x").Append(Offset.ToString("x")).Append(')');
        text.Append(": ").Append(Check).Append(": ").Append(Message);
        return text.ToString();
    }
}
