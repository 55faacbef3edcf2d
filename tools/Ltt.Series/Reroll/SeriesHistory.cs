namespace Ltt.Series.Reroll;

/// <summary>
/// How one series of this posting continues the previous one: the previous series it
/// continues and why it was matched (null when the series is new), each patch's history,
/// and the patches of the previous series that this posting no longer has.
/// </summary>
public sealed record SeriesHistory(int Series, PreviousSeries? Previous, string Match, IReadOnlyList<PatchHistory> Patches, IReadOnlyList<PreviousPatch> Dropped);
