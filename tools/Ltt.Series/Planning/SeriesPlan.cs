namespace Ltt.Series.Planning;

/// <summary>The whole plan: the series in posting order, notes on mixed patches and on why series were merged or kept apart, and the base they apply on.</summary>
public sealed record SeriesPlan(IReadOnlyList<PlannedSeries> Series, IReadOnlyList<string> Notes, string? BaseCommit, int InputPatchCount)
{
    /// <summary>Which MAINTAINERS routed the plan (a file, or the MAINTAINERS of a commit of the range).</summary>
    public string Maintainers { get; init; } = "";

    /// <summary>The tree the apply proof starts from (a folder, or the range's base commit).</summary>
    public string ProofBase { get; init; } = "";

    /// <summary>The plan read against the previous posting (<c>--previous</c>), or null.</summary>
    public Reroll.RerollPlan? History { get; init; }
}
