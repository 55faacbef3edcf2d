namespace Ltt.Trace.Reader.Text;

/// <summary>
/// Prints events exactly as babeltrace2 2.0's default <c>sink.text.pretty</c> does:
/// <c>[HH:MM:SS.nnnnnnnnn] (+s.nnnnnnnnn) host name: { packet context }, { stream event context }, { event context }, { payload }</c>.
/// Times are local time, like babeltrace2. Values are read from the cursor's tapes; nothing is
/// allocated per event. For events in the order given (<see cref="TraceDump"/> prints a whole
/// trace, its streams formatted in parallel).
/// </summary>
public sealed class TextPrinter(Utf8Output output)
{
    private readonly TimePrefix _time = new();
    private readonly Dictionary<StreamCursor, EventText> _streams = new(ReferenceEqualityComparer.Instance);

    public void Print(StreamCursor cursor)
    {
        if (cursor.HasClock)
            _time.Write(output, cursor.TimestampNs);
        if (!_streams.TryGetValue(cursor, out var text))
            _streams[cursor] = text = new EventText();
        text.Write(output, cursor);
    }
}
