namespace Ltt.IO;

/// <summary>
/// Paths compared as the file system sees them: symbolic links resolved, so that a folder
/// reached through a link is recognised as the folder it is (a test's <c>kernel-tree</c>
/// link, a home folder behind <c>/home -> /usr/home</c>).
/// </summary>
public static class HostPath
{
    /// <summary>
    /// The absolute path with every symbolic link of its existing part resolved; the part that
    /// does not exist yet is appended as written.
    /// </summary>
    public static string Resolve(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var missing = new Stack<string>();
        string existing = full;
        while (!Exists(existing))
        {
            string? parent = Path.GetDirectoryName(existing);
            if (parent is null)
                return full;
            missing.Push(Path.GetFileName(existing));
            existing = parent;
        }
        string resolved = ResolveExisting(existing, depth: 0);
        while (missing.Count > 0)
            resolved = Path.Combine(resolved, missing.Pop());
        return resolved;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it (both already resolved).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith('/') ? folder : folder + "/", StringComparison.Ordinal);

    private static bool Exists(string path) =>
        Directory.Exists(path) || File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static string ResolveExisting(string full, int depth)
    {
        // Walk from the root so that a link anywhere on the way is followed, as the kernel does.
        string root = Path.GetPathRoot(full) ?? "/";
        string current = root;
        foreach (string part in full[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target && depth < 40)
            {
                string absolute = Path.GetFullPath(target, current);
                next = ResolveExisting(Path.TrimEndingDirectorySeparator(absolute), depth + 1);
            }
            current = next;
        }
        return current;
    }
}
