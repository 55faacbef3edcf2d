using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Reader;

public sealed unsafe partial class StreamCursor
{
    /// <summary>Decodes ops [start, end) of a scope at the current position; on damage records a diagnostic and returns false.</summary>
    private bool Run(CompiledScope scope, int start, int end, FieldTape tape, string where)
    {
        if (_reader.Run(scope, start, end, tape, where))
            return true;
        var (check, message, position, _) = _reader.Failure;
        Diagnostics.Add(new TraceDiagnostic(check, FileName, message, Packet: PacketIndex, Offset: PacketOffset + (position >> 3),
            Event: EventIndex, EventName: _event?.Class.Name));
        return false;
    }
}
