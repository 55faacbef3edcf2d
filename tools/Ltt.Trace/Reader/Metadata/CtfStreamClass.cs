namespace Ltt.Trace.Reader.Metadata;

/// <summary>A stream block: its id and the packet context, event header and event context structures its events share.</summary>
public sealed record CtfStreamClass(
    long Id,
    CtfStructType? PacketContext,
    CtfStructType? EventHeader,
    CtfStructType? EventContext)
{
    public List<CtfEventClass> Events { get; } = [];
}
