using LibGit2Sharp;
using Ltt.Series.Patches;

namespace Ltt.Series.Output;

/// <summary>One file of a diffstat: the name as git prints it, line counts (or sizes for a binary file) and its summary line.</summary>
public sealed record DiffstatRow(string Name, int Added, int Deleted, bool IsBinary, long OldSize, long NewSize, string Summary)
{
    public static DiffstatRow From(FileDiff d)
    {
        var (oldSize, newSize) = d.IsBinary ? Diffstat.BinarySizes(d) : (0, 0);
        return new DiffstatRow(Diffstat.DisplayName(d.Change, d.OldPath, d.NewPath), d.Insertions, d.Deletions, d.IsBinary, oldSize, newSize,
            Diffstat.Summary(d.Change, d.OldPath, d.NewPath, d.OldMode, d.NewMode, Diffstat.Similarity(d)));
    }

    /// <summary>A file two trees differ in: what changed from <paramref name="change"/>, the line counts from <paramref name="lines"/>.</summary>
    internal static DiffstatRow From(TreeEntryChanges change, ContentChangeStats lines, Tree before, Tree after)
    {
        var kind = change.Status switch
        {
            ChangeKind.Added => FileChange.Add,
            ChangeKind.Deleted => FileChange.Delete,
            ChangeKind.Renamed => FileChange.Rename,
            ChangeKind.Copied => FileChange.Copy,
            _ => FileChange.Modify,
        };
        string oldPath = change.OldPath, newPath = change.Path;
        string? oldMode = change.Status == ChangeKind.Added ? null : ModeText(change.OldMode);
        string? newMode = change.Status == ChangeKind.Deleted ? null : ModeText(change.Mode);
        var oldBlob = change.Status != ChangeKind.Added ? before[oldPath]?.Target as Blob : null;
        var newBlob = change.Status != ChangeKind.Deleted ? after[newPath]?.Target as Blob : null;
        // libgit2's own test for the diff: either side binary (a NUL in its first 8,000 bytes).
        bool binary = oldBlob?.IsBinary == true || newBlob?.IsBinary == true;
        return new DiffstatRow(Diffstat.DisplayName(kind, oldPath, newPath), lines.LinesAdded, lines.LinesDeleted, binary,
            oldBlob?.Size ?? 0, newBlob?.Size ?? 0, Diffstat.Summary(kind, oldPath, newPath, oldMode, newMode, 100));
    }

    private static string ModeText(Mode mode) => mode == Mode.ExecutableFile ? "100755" : "100644";
}
