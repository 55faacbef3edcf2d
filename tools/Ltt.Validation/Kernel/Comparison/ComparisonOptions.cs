namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// The settings of a comparison of our kernel trace with ftrace's record, defaults in one place.
/// The caps are the kernel recorder's: strings and sequences longer than them are recorded cut.
/// </summary>
public sealed record ComparisonOptions
{
    /// <summary>Largest |our timestamp - ftrace's| allowed for one hit. Both read the mono clock in their own reserve; under TCG the two probes of one hit can be tens of µs apart.</summary>
    public long TimestampBoundNs { get; init; } = 1_000_000;

    /// <summary>
    /// How close in time two hits must be for the alignment to take them for the two probes of one
    /// hit while it looks for where the sequences meet. Kept tight (the probes of a hit run about
    /// 1 µs apart) even when <see cref="TimestampBoundNs"/> is wide: with a wide window a run of
    /// equal periodic hits pairs one period off, and a dropped hit would go unseen.
    /// </summary>
    public long PairingWindowNs { get; init; } = 1_000_000;

    /// <summary>Bytes of a recorded string including its NUL (LTT_SERIALIZE_STRING_MAX): longer strings are recorded as their first <c>StringCapBytes - 1</c> bytes.</summary>
    public int StringCapBytes { get; init; } = 128;

    /// <summary>Bytes of a recorded sequence's elements (LTT_SERIALIZE_SEQUENCE_MAX): longer ones are recorded as their first elements.</summary>
    public int SequenceCapBytes { get; init; } = 256;

    /// <summary>Lost events on either side do not fail the comparison; hits missing where a side lost events are counted, not listed.</summary>
    public bool AllowLoss { get; init; }

    /// <summary>How far ahead (in hits) a hit nested between the two probes of another, or a single missing hit, is looked for.</summary>
    public int Window { get; init; } = 64;

    /// <summary>How many mismatches the report lists (all are counted).</summary>
    public int ListedMismatches { get; init; } = 200;
}
