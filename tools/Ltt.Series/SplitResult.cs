using Ltt.Series.Planning;
using Ltt.Series.Verification;

namespace Ltt.Series;

/// <summary>The plan, the proof and the problems of one split.</summary>
public sealed record SplitResult(SplitOutcome Outcome, SeriesPlan? Plan, SeriesCheck? Check, IReadOnlyList<Diagnostic> Diagnostics);
