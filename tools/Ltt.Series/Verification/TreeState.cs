namespace Ltt.Series.Verification;

/// <summary>The files of a tree as patches see them: path to content and git mode.</summary>
public sealed class TreeState
{
    private readonly Dictionary<string, (byte[] Content, string Mode)> _files;

    public TreeState() => _files = new(StringComparer.Ordinal);

    private TreeState(Dictionary<string, (byte[], string)> files) => _files = new(files, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, (byte[] Content, string Mode)> Files => _files;

    public TreeState Clone() => new(_files);

    public bool TryGet(string path, out (byte[] Content, string Mode) file) => _files.TryGetValue(path, out file);

    public void Set(string path, byte[] content, string mode) => _files[path] = (content, mode);

    public void Remove(string path) => _files.Remove(path);

    /// <summary>Reads the given paths from a directory (missing paths stay absent, as for files a patch creates).</summary>
    public static TreeState FromDirectory(string root, IEnumerable<string> paths)
    {
        var state = new TreeState();
        foreach (string path in paths.Distinct())
        {
            string full = Path.Combine(root, path);
            if (!File.Exists(full))
                continue;
            bool executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0;
            state.Set(path, File.ReadAllBytes(full), executable ? "100755" : "100644");
        }
        return state;
    }
}
