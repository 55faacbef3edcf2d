namespace Ltt.Trace.Reader.Profile;

/// <summary>What a <see cref="LossMark"/> counts: events the tracer dropped, or whole packets missing from the stream.</summary>
public enum LossKind
{
    DiscardedEvents,
    LostPackets,
}
