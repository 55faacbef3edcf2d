namespace Ltt.Series.Planning;

/// <summary>The whole plan: the series in posting order, notes on mixed patches, and the base they apply on.</summary>
public sealed record SeriesPlan(IReadOnlyList<PlannedSeries> Series, IReadOnlyList<string> Notes, string? BaseCommit, int InputPatchCount);
