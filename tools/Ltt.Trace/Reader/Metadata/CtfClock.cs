namespace Ltt.Trace.Reader.Metadata;

/// <summary>A clock block: frequency in Hz and offset from the origin as seconds plus cycles.</summary>
public sealed record CtfClock(
    string Name,
    ulong Frequency,
    long OffsetSeconds,
    long OffsetCycles,
    string? Uuid = null,
    string? Description = null,
    ulong Precision = 0,
    bool Absolute = false)
{
    /// <summary>Nanoseconds from the origin (usually the Unix epoch) of a clock value, the way babeltrace2 computes it.</summary>
    public long ToNanosecondsFromOrigin(ulong value)
    {
        long baseNs = OffsetSeconds * 1_000_000_000L + CyclesToNs((ulong)OffsetCycles);
        return baseNs + CyclesToNs(value);
    }

    private long CyclesToNs(ulong cycles)
    {
        if (Frequency == 1_000_000_000UL)
            return (long)cycles;
        ulong seconds = cycles / Frequency;
        ulong rest = cycles % Frequency;
        return (long)(seconds * 1_000_000_000UL) + (long)((double)rest * 1e9 / Frequency);
    }
}
