namespace Ltt.Series.Trees;

/// <summary>A tree on disk (a kernel source folder); paths are relative to its root.</summary>
public sealed class DirectoryTree(string root) : ITreeView
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Name { get; } = root;

    public string Describe(string path) => Path.Combine(Name, path);

    public bool IsDirectory(string path) => path.Length > 0 && Directory.Exists(Path.Combine(Root, path));

    public TreeFile? ReadFile(string path)
    {
        string full = Path.Combine(Root, path);
        if (!File.Exists(full))
            return null;
        bool executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0;
        return new TreeFile(File.ReadAllBytes(full), executable);
    }

    public void Dispose()
    {
    }
}
