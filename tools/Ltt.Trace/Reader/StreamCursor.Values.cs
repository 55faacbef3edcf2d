using Ltt.Trace.Reader.Decoding;
using Ltt.Trace.Values;

namespace Ltt.Trace.Reader;

public sealed unsafe partial class StreamCursor
{
    /// <summary>The current event's payload fields as values. Allocates: for comparing values, not for walking large traces.</summary>
    public IReadOnlyList<NamedValue> ReadPayload() => TapeValues.Members(_event?.Payload, PayloadTape, Base);

    /// <summary>
    /// The current packet's context fields as values (valid from <see cref="PacketStarted"/> on):
    /// those without a meaning to the reader too, such as LTTng's <c>cpu_id</c>. Allocates: once per packet.
    /// </summary>
    public IReadOnlyList<NamedValue> ReadPacketContext() => TapeValues.Members(_stream?.PacketContext, PacketContextTape, Base);
}
