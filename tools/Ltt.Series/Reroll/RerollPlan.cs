namespace Ltt.Series.Reroll;

/// <summary>A plan read against the previous posting: every series' history, and the previous series no series continues.</summary>
public sealed record RerollPlan(PreviousPosting Previous, IReadOnlyList<SeriesHistory> Series, IReadOnlyList<PreviousSeries> Gone)
{
    public SeriesHistory Of(int series) => Series.First(s => s.Series == series);
}
