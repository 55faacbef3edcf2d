namespace Ltt.Trace.Serialization;

/// <summary>
/// A fixed-size event payload known at compile time: the typed fast path. The session
/// reserves <see cref="Size"/> bytes aligned to <see cref="Alignment"/> and the struct stores
/// its fields straight into the ring buffer; generic code over a struct is specialised by the
/// JIT, so the whole write inlines with no allocation and no virtual call.
/// </summary>
/// <typeparam name="TSelf">The payload struct itself.</typeparam>
public interface IEventPayload<TSelf> where TSelf : struct, IEventPayload<TSelf>
{
    /// <summary>Payload bytes, the same for every event (layout offsets included).</summary>
    static abstract int Size { get; }

    /// <summary>The payload's largest field alignment: 1, 2, 4 or 8.</summary>
    static abstract int Alignment { get; }

    /// <summary>Stores the fields at their offsets from <paramref name="destination"/> (<see cref="Size"/> bytes).</summary>
    void WriteTo(ref byte destination);
}
