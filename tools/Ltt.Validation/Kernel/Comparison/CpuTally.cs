namespace Ltt.Validation.Kernel.Comparison;

/// <summary>What the comparison counts for one CPU while it walks both sides; becomes a <see cref="CpuComparison"/>.</summary>
internal sealed class CpuTally(int cpu)
{
    public int Cpu { get; } = cpu;

    public long HitsOurs;
    public long HitsFtrace;
    public long HitsCompared;
    public long FieldsCompared;
    public long EdgeHits;
    public long NestedReorders;
    public long LostOurs;
    public long LostFtrace;
    public bool LostFtraceUnknown;
    public long MaxTimestampDeltaNs;
    public long Mismatches;

    /// <summary>Values of tick-counter fields that differed within what the time between the probes allows.</summary>
    public long TickDifferences;

    /// <summary>Hits one side lacks, held until the CPU's losses are known: explained by that side's loss, or mismatches.</summary>
    public List<HitMismatch> MissingInOurs { get; } = [];

    public List<HitMismatch> MissingInFtrace { get; } = [];

    public long MissingWhereLost;

    public CpuComparison ToComparison() => new(Cpu, HitsOurs, HitsFtrace, HitsCompared, EdgeHits, NestedReorders, LostOurs, LostFtrace,
        LostFtraceUnknown, MissingWhereLost, MaxTimestampDeltaNs, Mismatches);
}
