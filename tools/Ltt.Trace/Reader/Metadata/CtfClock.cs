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
    /// <summary>
    /// Nanoseconds from the origin (usually the Unix epoch) of a clock value, computed as
    /// babeltrace2 computes it, so the two readers print the same timestamps: the offset in
    /// cycles is first folded into whole seconds, then the rest of the offset and the value
    /// are each converted with one double-precision product and quotient, truncated. For a
    /// value of 2^42 cycles and more that rounds differently from exact integer arithmetic by
    /// a nanosecond now and then; matching babeltrace2 matters more here than that nanosecond.
    /// </summary>
    public long ToNanosecondsFromOrigin(ulong value) => OffsetNanoseconds() + CyclesToNanoseconds(value);

    /// <summary>The clock's offset from the origin in nanoseconds (the offset cycles folded into seconds first): the first term of <see cref="ToNanosecondsFromOrigin"/>.</summary>
    public long OffsetNanoseconds() =>
        (OffsetSeconds + OffsetCycles / (long)Frequency) * 1_000_000_000L + CyclesToNanoseconds((ulong)(OffsetCycles % (long)Frequency));

    /// <summary>A clock value in nanoseconds, one double product and quotient, truncated: the second term of <see cref="ToNanosecondsFromOrigin"/>.</summary>
    public long CyclesToNanoseconds(ulong cycles) =>
        Frequency == 1_000_000_000UL ? (long)cycles : (long)(ulong)(1e9 * cycles / Frequency);
}
