namespace Ltt.Validation.Kernel;

/// <summary>Our recorder's counters for one CPU at the end of the run (debugfs <c>ltt/stats</c>).</summary>
public sealed record RecorderCpuStats(int Cpu, long Written, long Lost);
