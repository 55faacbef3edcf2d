using Ltt.Series.Output;

namespace Ltt.Series.Verification;

/// <summary>
/// The outcome of the proof that nothing is lost: problems (empty when every series applies on
/// its base after its prerequisites and all series together give the original tree), and the
/// diffstat of each series against its base, for the cover letters.
/// </summary>
public sealed record SeriesCheck(IReadOnlyList<string> Problems, IReadOnlyDictionary<int, IReadOnlyList<DiffstatRow>> SeriesStats)
{
    public bool Holds => Problems.Count == 0;
}
