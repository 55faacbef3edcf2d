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
}
