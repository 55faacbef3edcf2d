namespace Ltt.Series.Checkpatch;

/// <summary>What checkpatch.pl said about one patch file: its findings and its own totals.</summary>
public sealed record CheckpatchResult(string File, int Errors, int Warnings, int Checks, IReadOnlyList<CheckpatchFinding> Findings)
{
    public bool Clean => Errors == 0 && Warnings == 0 && Checks == 0;
}
