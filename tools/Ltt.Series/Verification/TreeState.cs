using Ltt.Series.Trees;

namespace Ltt.Series.Verification;

/// <summary>The files of a tree as patches see them, in memory: path to content and git mode.</summary>
public sealed class TreeState
{
    private readonly Dictionary<string, (byte[] Content, string Mode)> _files;

    public TreeState() => _files = new(StringComparer.Ordinal);

    private TreeState(IEnumerable<KeyValuePair<string, (byte[], string)>> files) => _files = new(files, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, (byte[] Content, string Mode)> Files => _files;

    public TreeState Clone() => new(_files);

    /// <summary>A copy holding only the given paths (contents are shared: patches replace them, never change them in place).</summary>
    public TreeState Restrict(IReadOnlySet<string> paths) => new(_files.Where(f => paths.Contains(f.Key)));

    public bool TryGet(string path, out (byte[] Content, string Mode) file) => _files.TryGetValue(path, out file);

    public void Set(string path, byte[] content, string mode) => _files[path] = (content, mode);

    public void Remove(string path) => _files.Remove(path);

    /// <summary>Reads the given paths from a tree (missing paths stay absent, as for files a patch creates).</summary>
    public static TreeState FromTree(ITreeView tree, IEnumerable<string> paths)
    {
        var state = new TreeState();
        foreach (string path in paths.Distinct())
        {
            if (tree.ReadFile(path) is { } file)
                state.Set(path, file.Content, file.Mode);
        }
        return state;
    }

    /// <summary>The paths whose content or mode differ between two states, sorted.</summary>
    public static IReadOnlyList<string> Differences(TreeState a, TreeState b) =>
        a._files.Keys.Union(b._files.Keys)
            .Where(p => !a.TryGet(p, out var x) || !b.TryGet(p, out var y) || x.Mode != y.Mode || !x.Content.AsSpan().SequenceEqual(y.Content))
            .Order(StringComparer.Ordinal)
            .ToList();
}
