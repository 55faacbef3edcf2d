namespace Ltt.Series.Patches;

/// <summary>What a diff does to its file.</summary>
public enum FileChange
{
    Modify,
    Add,
    Delete,
    Rename,
    Copy,
}
