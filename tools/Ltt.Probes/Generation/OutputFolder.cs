namespace Ltt.Probes.Generation;

/// <summary>
/// Writes generated files into an output folder all at once, and compares a folder with what
/// would be generated (<c>ltt-gen check</c>).
/// </summary>
public static class OutputFolder
{
    /// <summary>
    /// Replaces <paramref name="folder"/> with exactly <paramref name="files"/>: they are written
    /// into a temporary sibling folder first, which then takes the folder's place, so a failure
    /// never leaves half an output. Returns null, or why it could not.
    /// </summary>
    public static string? Write(string folder, IReadOnlyDictionary<string, string> files)
    {
        string full = Path.GetFullPath(folder);
        string parent = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}");
        string old = Path.Combine(parent, $".{Path.GetFileName(full)}.old-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(parent);
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
            foreach (var (relative, text) in files)
            {
                string path = Path.Combine(temp, relative);
                if (!Path.GetFullPath(path).StartsWith(temp + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    return $"{relative}: path leaves the output folder";
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
                Directory.Move(temp, full);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(temp, full);
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
            if (!Directory.Exists(full) && Directory.Exists(old))
                Directory.Move(old, full);
            return ex.Message;
        }
    }

    /// <summary>The files of <paramref name="folder"/> that differ from <paramref name="files"/>: changed, missing or extra, sorted.</summary>
    public static IReadOnlyList<DriftedFile> Drift(string folder, IReadOnlyDictionary<string, string> files)
    {
        var drifted = new List<DriftedFile>();
        var onDisk = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
                .Where(p => !IsBuildProduct(p))
                .ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var (relative, text) in files)
        {
            if (!onDisk.Contains(relative))
                drifted.Add(new DriftedFile(relative, DriftKind.Missing));
            else if (File.ReadAllText(Path.Combine(folder, relative)) != text)
                drifted.Add(new DriftedFile(relative, DriftKind.Changed));
        }
        foreach (string relative in onDisk.Where(p => !files.ContainsKey(p)))
            drifted.Add(new DriftedFile(relative, DriftKind.Extra));
        return drifted.OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>What a kbuild or harness build leaves next to the sources: not generated, so not drift.</summary>
    private static bool IsBuildProduct(string path)
    {
        string name = Path.GetFileName(path);
        return path.StartsWith("harness/build/", StringComparison.Ordinal) || name.StartsWith('.') || name is "Module.symvers" or "modules.order" or "records.bin" or "harness" ||
            Path.GetExtension(name) is ".o" or ".ko" or ".mod" or ".cmd" or ".symvers" or ".order" ||
            name.EndsWith(".mod.c", StringComparison.Ordinal);
    }
}
