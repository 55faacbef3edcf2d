namespace Ltt.IO;

/// <summary>
/// An output folder written in place (see <see cref="OutputTarget.CreateLive"/>): created
/// empty but for the command's marker; <see cref="Keep"/> when the command succeeded (the
/// folder it replaced is removed then), <see cref="Dispose"/> without it removes the new
/// folder and puts back the replaced one.
/// </summary>
public sealed class LiveFolder : IDisposable
{
    private readonly string? _replaced;
    private readonly List<string> _createdParents;
    private bool _kept;

    internal LiveFolder(string path, string? replaced, List<string> createdParents)
    {
        Path = path;
        _replaced = replaced;
        _createdParents = createdParents;
    }

    /// <summary>The folder, resolved and absolute.</summary>
    public string Path { get; }

    /// <summary>The command produced its output: keep it, and drop the folder it replaced.</summary>
    public void Keep()
    {
        if (_kept)
            return;
        _kept = true;
        if (_replaced is not null && Directory.Exists(_replaced))
        {
            try
            {
                Directory.Delete(_replaced, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // It stays as a hidden sibling; the new output is complete.
            }
        }
    }

    public void Dispose()
    {
        if (_kept)
            return;
        try
        {
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
            if (_replaced is not null && Directory.Exists(_replaced))
                Directory.Move(_replaced, Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the replaced folder, if it could not be put back, is still there, hidden.
        }
        OutputTarget.RemoveCreated(_createdParents);
    }
}
