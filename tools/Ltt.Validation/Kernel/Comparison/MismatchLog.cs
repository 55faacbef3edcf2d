namespace Ltt.Validation.Kernel.Comparison;

/// <summary>Counts every mismatch (per CPU, per tracepoint, in all) and keeps the first ones for the report.</summary>
internal sealed class MismatchLog(int listed)
{
    public List<HitMismatch> Listed { get; } = [];

    public long Count { get; private set; }

    public void Add(HitMismatch mismatch, CpuTally cpu, TracepointPlan? plan)
    {
        Count++;
        cpu.Mismatches++;
        if (plan is not null)
            plan.Mismatches++;
        if (Listed.Count < listed)
            Listed.Add(mismatch);
    }
}
