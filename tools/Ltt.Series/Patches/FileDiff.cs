namespace Ltt.Series.Patches;

/// <summary>
/// The diff of one file inside a patch: paths, kind of change, modes, and either hunks or a
/// binary payload. <see cref="Text"/> is the diff exactly as written, from its
/// <c>diff --git</c> line, so it can be written out again unchanged.
/// </summary>
public sealed record FileDiff(
    string OldPath,
    string NewPath,
    FileChange Change,
    string? OldMode,
    string? NewMode,
    bool IsBinary,
    IReadOnlyList<Hunk> Hunks,
    string Text,
    int Line)
{
    /// <summary>The path the change leaves in the tree (the old one for a deletion).</summary>
    public string Path => Change == FileChange.Delete ? OldPath : NewPath;

    public int Insertions => Hunks.Sum(h => h.Lines.Count(l => l.StartsWith('+')));

    public int Deletions => Hunks.Sum(h => h.Lines.Count(l => l.StartsWith('-')));
}
