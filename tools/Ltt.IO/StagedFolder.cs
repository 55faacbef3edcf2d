namespace Ltt.IO;

/// <summary>
/// An output being written: <see cref="Path"/> is a new hidden sibling of the target folder;
/// <see cref="Commit"/> puts it in the target's place in one rename (the folder it replaces is
/// moved aside first and removed after), <see cref="Dispose"/> without a commit removes it,
/// so a failed command leaves the target as it was.
/// </summary>
public sealed class StagedFolder : IDisposable
{
    private readonly OutputTarget _target;
    private readonly string _full;
    private readonly List<string> _createdParents;
    private bool _committed;

    internal StagedFolder(OutputTarget target, string full, string staging, List<string> createdParents)
    {
        _target = target;
        _full = full;
        Path = staging;
        _createdParents = createdParents;
    }

    /// <summary>Where to write: the folder that becomes the output on <see cref="Commit"/>.</summary>
    public string Path { get; }

    /// <summary>The output folder's final, resolved path.</summary>
    public string Target => _full;

    /// <summary>
    /// Marks the written folder as this command's and moves it into place. The target is
    /// checked again first (something may have appeared there while the command worked).
    /// Null, or why it could not (the target is then unchanged and the staged files removed).
    /// </summary>
    public string? Commit()
    {
        if (_committed)
            return null;
        if (_target.Check() is { } error)
            return error;
        string? replaced = null;
        try
        {
            _target.WriteMarker(Path);
            if (Directory.Exists(_full))
            {
                replaced = OutputTarget.Sibling(_full, "replaced");
                Directory.Move(_full, replaced);
            }
            Directory.Move(Path, _full);
            _committed = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (replaced is not null && !Directory.Exists(_full))
                Directory.Move(replaced, _full);
            return $"{_target.Folder}: {ex.Message}";
        }
        if (replaced is not null)
            TryDelete(replaced);
        return null;
    }

    public void Dispose()
    {
        if (_committed)
            return;
        TryDelete(Path);
        OutputTarget.RemoveCreated(_createdParents);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // What cannot be removed stays as a hidden sibling; the output itself is complete.
        }
    }
}
