namespace Ltt.Trace.Reader.Profile;

/// <summary>
/// Where a stream lost data: <see cref="LossKind.DiscardedEvents"/> at the end of the packet whose
/// events_discarded counter grew (the tracer dropped that many events since the packet before), or
/// <see cref="LossKind.LostPackets"/> at the start of the packet after a gap in packet sequence numbers.
/// </summary>
public sealed record LossMark(string Row, long TimeNs, LossKind Kind, ulong Count);
