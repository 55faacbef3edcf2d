namespace Ltt.Series.Reroll;

/// <summary>The <c>git range-diff</c> of one series against the series it continues, or why there is none.</summary>
public sealed record RangeDiffResult(string Text, string? Problem);
