namespace Ltt.Trace.Runtime;

/// <summary>
/// The accounting of a stopped session. Every attempted write is in exactly one of
/// <see cref="EventsInTrace"/>, <see cref="EventsDiscarded"/> and <see cref="EventsOverwritten"/>.
/// </summary>
/// <param name="EventsDiscarded">Dropped at write time (buffer full, or larger than a sub-buffer); readers see them in events_discarded.</param>
/// <param name="EventsOverwritten">Written, then lost with their sub-buffer in overwrite mode; readers see lost packets.</param>
/// <param name="Bytes">Bytes of the stream files (packets, padding included).</param>
/// <param name="Error">Why the consumer stopped early (a write error), or null.</param>
public sealed record TraceSessionStats(
    long EventsInTrace,
    long EventsDiscarded,
    long EventsOverwritten,
    long Packets,
    long Bytes,
    bool DirectIo,
    string? Error)
{
    /// <summary>Events the writers attempted: what is in the trace plus what was lost.</summary>
    public long EventsAttempted => EventsInTrace + EventsDiscarded + EventsOverwritten;

    public long EventsLost => EventsDiscarded + EventsOverwritten;
}
