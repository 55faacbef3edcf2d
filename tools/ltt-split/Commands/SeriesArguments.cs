namespace LttSplit.Commands;

/// <summary>The values of <c>ltt-split series</c>'s options.</summary>
public sealed record SeriesArguments(
    string Input, string Tree, string? Maintainers, string? Repo, string Output, bool DryRun,
    int? Version, int MaxPatches, bool SplitMixed, string? Template, string? From, string? Changes)
{
    /// <summary>The checkpatch.pl to run on the written patches, or null not to run it.</summary>
    public string? Checkpatch { get; init; }
}
