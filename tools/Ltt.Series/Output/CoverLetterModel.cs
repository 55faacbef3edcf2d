namespace Ltt.Series.Output;

/// <summary>What the cover letter template sees (snake_case in the template: <c>depends_on</c>, <c>base_commit</c>...).</summary>
public sealed record CoverLetterModel
{
    public required string Title { get; init; }
    public required string Reason { get; init; }
    public required string Shortlog { get; init; }
    public required string Diffstat { get; init; }
    public int Version { get; init; } = 1;
    public string Changes { get; init; } = "";
    public string BaseCommit { get; init; } = "";
    public IReadOnlyList<string> PrerequisitePatchIds { get; init; } = [];
    public IReadOnlyList<SeriesReference> DependsOn { get; init; } = [];
    public IReadOnlyList<SeriesReference> NeededBy { get; init; } = [];
    /// <summary>Every patch's kind and why, in series order.</summary>
    public IReadOnlyList<CoverLetterPatchKind> Kinds { get; init; } = [];
    /// <summary>The version of the previous posting read with <c>--previous</c>; 0 without one.</summary>
    public int PreviousVersion { get; init; }
    /// <summary>The folder of the previous series this one continues ("03-markers"); empty when the series is new.</summary>
    public string PreviousSeries { get; init; } = "";
    /// <summary>Why it was matched: "same subsystem, 6 of its 7 patches".</summary>
    public string PreviousMatch { get; init; } = "";
    public IReadOnlyList<CoverLetterPatchHistory> History { get; init; } = [];
    /// <summary>git range-diff of the previous series and this one (no final line feed); empty when there is none.</summary>
    public string RangeDiff { get; init; } = "";
    /// <summary>Why there is no range-diff although the series continues one.</summary>
    public string RangeDiffProblem { get; init; } = "";
}
