using Ltt.Trace.Layout;

namespace Ltt.Trace.Ctf;

/// <summary>
/// The trace-wide facts a CTF 1.8 metadata file states besides the event payloads: identity,
/// byte order, the clock every timestamp is mapped to, and the environment block.
/// </summary>
/// <param name="Uuid">The trace UUID, repeated in every packet header.</param>
/// <param name="ByteOrder">Native byte order of the trace (packet headers, event headers).</param>
/// <param name="ClockFrequency">Clock ticks per second (1e9: timestamps are nanoseconds).</param>
/// <param name="ClockOffset">Clock value, in ticks, of the Unix epoch: absolute time = offset + value.</param>
/// <param name="ClockName">Name of the clock class (<c>monotonic</c>, as LTTng names it).</param>
/// <param name="Environment">Key/value pairs of the <c>env</c> block, in order (values are strings or integers).</param>
public sealed record CtfTraceParameters(
    Guid Uuid,
    ByteOrder ByteOrder = ByteOrder.LittleEndian,
    long ClockFrequency = 1_000_000_000,
    long ClockOffset = 0,
    string ClockName = "monotonic",
    IReadOnlyList<KeyValuePair<string, object>>? Environment = null)
{
    /// <summary>Parameters with a fresh random UUID and the runtime's default environment.</summary>
    public static CtfTraceParameters CreateDefault(long clockOffset = 0) => new(
        Guid.NewGuid(),
        ClockOffset: clockOffset,
        Environment:
        [
            new("domain", "ust"),
            new("tracer_name", "ltt-trace"),
            new("tracer_major", 1L),
            new("tracer_minor", 0L),
        ]);
}
