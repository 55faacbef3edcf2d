namespace LttSplit.Commands;

/// <summary>The values of <c>ltt-split series</c>'s options.</summary>
public sealed record SeriesArguments(
    string Input, string Tree, string? Maintainers, string? Repo, string Output, bool DryRun,
    int? Version, int MaxPatches, bool SplitMixed, string? Template, string? From, string? Changes)
{
    /// <summary>The checkpatch.pl to run on the written patches, or null not to run it.</summary>
    public string? Checkpatch { get; init; }

    /// <summary>Add a "subsystem: " prefix to subjects that have none.</summary>
    public bool AddPrefixes { get; init; }

    /// <summary>For a git range: the commit whose MAINTAINERS routes ("base", "tip" or a revision).</summary>
    public string? MaintainersAt { get; init; }

    /// <summary>Replace the output folder even when ltt-split did not write it.</summary>
    public bool Force { get; init; }

    /// <summary>The folder ltt-split series wrote for the previous version.</summary>
    public string? Previous { get; init; }

    /// <summary>Thread each cover letter to the previous version's cover letter of the series it continues.</summary>
    public bool InReplyToPrevious { get; init; }

    /// <summary>An SVG file to draw the plan into (series, recipients, what each needs), or null.</summary>
    public string? Graph { get; init; }

    /// <summary>--verbose: the plan says why each patch has its kind.</summary>
    public bool Verbose { get; init; }
}
