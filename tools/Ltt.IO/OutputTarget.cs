namespace Ltt.IO;

/// <summary>
/// The folder a command writes (its <c>-o</c>), and the rule every such command follows so
/// that nothing the user owns is lost:
/// <list type="bullet">
/// <item>the folder is never an input, never holds one, and never lies inside one (an
/// <see cref="Enclosing"/> folder may hold it: a series folder inside the kernel tree);</item>
/// <item>an existing folder is replaced only when it is empty, when it carries this
/// command's <see cref="Marker"/> file (it was written by the same command before), or when
/// the user said <see cref="Force"/>; never the working folder, one above it, or the home folder;</item>
/// <item>the check runs before any work (<see cref="Check"/>), the output is written into a
/// new hidden sibling and renamed into place at the end (<see cref="Stage"/>), so a failure
/// leaves the old folder as it was and no half-written one.</item>
/// </list>
/// </summary>
public sealed record OutputTarget
{
    /// <summary>The folder as the user named it (messages show it this way).</summary>
    public required string Folder { get; init; }

    /// <summary>The command that writes it, as users type it (<c>ltt-gen probes</c>): named in messages and in the marker file.</summary>
    public required string Writer { get; init; }

    /// <summary>The file the command leaves in every folder it writes (<c>.ltt-gen-output</c>): hidden, so readers of the folder skip it.</summary>
    public required string Marker { get; init; }

    /// <summary>Replace an existing folder even when this command did not write it.</summary>
    public bool Force { get; init; }

    /// <summary>What the command reads (folders or files): the output may not be one, hold one, or lie inside one.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Folders the output may lie inside but may not be or hold (the tree a series folder is written into).</summary>
    public IReadOnlyList<string> Enclosing { get; init; } = [];

    /// <summary>The resolved absolute path of <see cref="Folder"/>.</summary>
    public string FullPath => HostPath.Resolve(Folder);

    /// <summary>Null when the command may write the folder; otherwise why not, one line naming it.</summary>
    public string? Check()
    {
        string full = FullPath;
        if (File.Exists(full))
            return $"{Folder}: is a file; -o names the folder to write";
        foreach (string input in Inputs)
        {
            string other = HostPath.Resolve(input);
            if (HostPath.IsSameOrInside(other, full))
                return other == full ? $"{Folder}: is the input {input}; write the output elsewhere" : $"{Folder}: holds the input {input}; write the output elsewhere";
            if (HostPath.IsSameOrInside(full, other))
                return $"{Folder}: is inside the input {input}; write the output elsewhere";
        }
        foreach (string enclosing in Enclosing)
        {
            string other = HostPath.Resolve(enclosing);
            if (HostPath.IsSameOrInside(other, full))
                return $"{Folder}: {(other == full ? "is" : "holds")} {enclosing}; write the output elsewhere";
        }
        foreach (string kept in KeptFolders())
        {
            if (HostPath.IsSameOrInside(kept, full))
                return $"{Folder}: holds {kept} (the working or home folder); write the output elsewhere";
        }
        if (Directory.Exists(full) && !Replaceable(full))
            return $"{Folder}: exists and was not written by {Writer} (it has no {Marker}); choose another folder, or add --force to replace it";
        return null;
    }

    /// <summary>
    /// Checks the folder and starts writing it: the returned folder is a new hidden sibling that
    /// takes the folder's place on <see cref="StagedFolder.Commit"/>. Null with <paramref name="error"/> when not allowed or not possible.
    /// </summary>
    public StagedFolder? Stage(out string? error)
    {
        error = Check();
        if (error is not null)
            return null;
        string full = FullPath;
        var created = new List<string>();
        try
        {
            CreateParents(full, created);
            string staging = Sibling(full, "partial");
            Directory.CreateDirectory(staging);
            return new StagedFolder(this, full, staging, created);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RemoveCreated(created);
            error = $"{Folder}: {ex.Message}";
            return null;
        }
    }

    /// <summary>
    /// Checks the folder and creates it in place, for an output that must be readable while it
    /// is written (a trace being recorded, which a live reader follows and which a killed
    /// recording must leave where the user looks). A folder being replaced is moved aside
    /// first and removed by <see cref="LiveFolder.Keep"/>, or put back if the command fails.
    /// </summary>
    public LiveFolder? CreateLive(out string? error)
    {
        error = Check();
        if (error is not null)
            return null;
        string full = FullPath;
        var created = new List<string>();
        string? replaced = null;
        try
        {
            CreateParents(full, created);
            if (Directory.Exists(full))
            {
                replaced = Sibling(full, "replaced");
                Directory.Move(full, replaced);
            }
            Directory.CreateDirectory(full);
            WriteMarker(full);
            return new LiveFolder(full, replaced, created);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(full) && replaced is not null)
                Directory.Delete(full, recursive: true);
            if (replaced is not null && Directory.Exists(replaced))
                Directory.Move(replaced, full);
            RemoveCreated(created);
            error = $"{Folder}: {ex.Message}";
            return null;
        }
    }

    internal void WriteMarker(string folder) =>
        File.WriteAllText(Path.Combine(folder, Marker),
            $"Written by {Writer}. {Writer} replaces this folder as a whole when asked to write it again;\n" +
            "delete this file to keep the folder from being replaced.\n");

    internal static string Sibling(string full, string role) =>
        Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{role}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");

    internal static void RemoveCreated(List<string> created)
    {
        // Deepest first, and only while empty: a folder someone else filled meanwhile stays.
        foreach (string folder in Enumerable.Reverse(created))
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                    Directory.Delete(folder);
            }
            catch (IOException)
            {
            }
        }
        created.Clear();
    }

    private bool Replaceable(string full) =>
        Force || File.Exists(Path.Combine(full, Marker)) || !Directory.EnumerateFileSystemEntries(full).Any();

    private static void CreateParents(string full, List<string> created)
    {
        var missing = new Stack<string>();
        for (string? parent = Path.GetDirectoryName(full); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
            missing.Push(parent);
        while (missing.Count > 0)
        {
            string folder = missing.Pop();
            Directory.CreateDirectory(folder);
            created.Add(folder);
        }
    }

    private static IEnumerable<string> KeptFolders()
    {
        yield return HostPath.Resolve(Environment.CurrentDirectory);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
            yield return HostPath.Resolve(home);
    }
}
