using Ltt.IO;

namespace Ltt.Probes.Generation;

/// <summary>
/// Writes generated files into an output folder all at once, and compares a folder with what
/// would be generated (<c>ltt-gen check</c>).
/// </summary>
public static class OutputFolder
{
    /// <summary>The file <c>ltt-gen probes</c> leaves in its output: a folder carrying it may be replaced by the next run.</summary>
    public const string Marker = ".ltt-gen-output";

    /// <summary>The output folder of <c>ltt-gen probes</c>, with the inputs it must never touch.</summary>
    public static OutputTarget Target(string folder, bool force = false, params IEnumerable<string?> inputs) => new()
    {
        Folder = folder,
        Writer = "ltt-gen probes",
        Marker = Marker,
        Force = force,
        Inputs = [.. inputs.OfType<string>()],
    };

    /// <summary>Writes <paramref name="files"/> as the whole of <paramref name="folder"/> (see <see cref="Write(OutputTarget, IReadOnlyDictionary{string, string})"/>).</summary>
    public static string? Write(string folder, IReadOnlyDictionary<string, string> files) => Write(Target(folder), files);

    /// <summary>
    /// Replaces the target folder with exactly <paramref name="files"/> (and the marker): they are
    /// written into a new sibling folder first, which then takes the folder's place, so a failure
    /// never leaves half an output; the target's rule (<see cref="OutputTarget"/>) decides whether an
    /// existing folder may be replaced. Returns null, or why it could not.
    /// </summary>
    public static string? Write(OutputTarget target, IReadOnlyDictionary<string, string> files)
    {
        using var staged = target.Stage(out string? error);
        if (staged is null)
            return error;
        try
        {
            foreach (var (relative, text) in files)
            {
                string path = Path.Combine(staged.Path, relative);
                if (!Path.GetFullPath(path).StartsWith(staged.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    return $"{relative}: path leaves the output folder";
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{target.Folder}: {ex.Message}";
        }
        return staged.Commit();
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
