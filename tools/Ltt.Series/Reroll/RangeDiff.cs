using Ltt.Series.Trees;

namespace Ltt.Series.Reroll;

/// <summary>
/// <c>git range-diff</c> between two postings, run in a throw-away repository: its base
/// commit holds the files the patches of either posting touch, as the base tree has them
/// (the range-diff only reads the patches' own diffs, so the rest of a kernel tree would
/// change nothing and cost a copy of it); every series of the previous posting is applied
/// with <c>git am</c> on one branch, every series of this one on another, in posting order,
/// and each series is compared with the one it continues. Git runs isolated from the user's
/// configuration with a fixed committer, so the same postings give the same text.
/// </summary>
public static class RangeDiff
{
    private static readonly Dictionary<string, string> Identity = new()
    {
        ["GIT_AUTHOR_NAME"] = "ltt-split",
        ["GIT_AUTHOR_EMAIL"] = "ltt-split@localhost",
        ["GIT_AUTHOR_DATE"] = "2005-04-07T22:13:13Z",
        ["GIT_COMMITTER_NAME"] = "ltt-split",
        ["GIT_COMMITTER_EMAIL"] = "ltt-split@localhost",
        ["GIT_COMMITTER_DATE"] = "2005-04-07T22:13:13Z",
        ["TZ"] = "UTC",
    };

    /// <param name="current">This posting's series in posting order: number and patch texts as written.</param>
    /// <param name="pairs">For a series number, the previous series it continues.</param>
    /// <param name="paths">Every path the patches of both postings touch.</param>
    public static IReadOnlyDictionary<int, RangeDiffResult> Run(ITreeView baseTree, PreviousPosting previous,
        IReadOnlyList<(int Series, IReadOnlyList<string> Patches)> current, IReadOnlyDictionary<int, PreviousSeries> pairs, IEnumerable<string> paths)
    {
        string root = Path.Combine(Path.GetTempPath(), "ltt-split-range-diff-" + Guid.NewGuid().ToString("N"));
        string repo = Path.Combine(root, "repo"), mail = Path.Combine(root, "mail");
        try
        {
            Directory.CreateDirectory(repo);
            Directory.CreateDirectory(mail);
            foreach (string path in paths.Distinct(StringComparer.Ordinal))
            {
                if (baseTree.ReadFile(path) is not { } file)
                    continue;
                string target = Path.Combine(repo, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, file.Content);
                if (file.Executable && !OperatingSystem.IsWindows())
                    File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
            if ((Git(repo, "-c", "init.defaultBranch=base", "init", "-q") ?? Git(repo, "add", "-A")
                ?? Git(repo, "commit", "-q", "--allow-empty", "-m", "base")) is { } setupProblem)
                return pairs.Keys.ToDictionary(k => k, _ => new RangeDiffResult("", $"cannot make the throw-away repository: {setupProblem}"));
            var before = Apply(repo, "previous", previous.Series.Select(s => (s.Number, (IReadOnlyList<string>)s.Patches.Select(p => File.ReadAllText(p.File)).ToList())).ToList(), mail);
            var after = Apply(repo, "current", current, mail);
            var results = new Dictionary<int, RangeDiffResult>();
            foreach (var (number, old) in pairs)
            {
                var (oldRange, oldProblem) = before[old.Number];
                var (newRange, newProblem) = after[number];
                if (oldProblem is not null)
                    results[number] = new RangeDiffResult("", $"v{previous.Version} series {old.Folder} does not apply on this base ({oldProblem})");
                else if (newProblem is not null)
                    results[number] = new RangeDiffResult("", $"this series does not apply in the throw-away repository ({newProblem})");
                else
                {
                    var (text, problem) = GitCommand.Run(repo, ["range-diff", "--no-color", oldRange!, newRange!], environment: Identity);
                    results[number] = new RangeDiffResult(text ?? "", text is null ? $"git range-diff failed: {problem}" : null);
                }
            }
            return results;
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Applies the series in order on a branch from the base; for each, its commit range or why it did not apply.</summary>
    private static Dictionary<int, (string? Range, string? Problem)> Apply(string repo, string branch,
        IReadOnlyList<(int Series, IReadOnlyList<string> Patches)> series, string mail)
    {
        var ranges = new Dictionary<int, (string?, string?)>();
        if (Git(repo, "checkout", "-q", "-b", branch, "base") is { } checkout)
            return series.ToDictionary(s => s.Series, _ => ((string?)null, (string?)checkout));
        foreach (var (number, patches) in series)
        {
            string start = Head(repo);
            var files = new List<string>();
            for (int i = 0; i < patches.Count; i++)
            {
                string file = Path.Combine(mail, $"{branch}-{number:000}-{i + 1:0000}.patch");
                File.WriteAllText(file, patches[i]);
                files.Add(file);
            }
            if (Git(repo, ["am", "-q", .. files]) is { } problem)
            {
                Git(repo, "am", "--abort");
                ranges[number] = (null, "git am: " + problem.Split('\n')[0]);
                continue;
            }
            ranges[number] = ($"{start}..{Head(repo)}", null);
        }
        return ranges;
    }

    private static string Head(string repo) => GitCommand.Run(repo, ["rev-parse", "HEAD"], environment: Identity).Output?.Trim() ?? "HEAD";

    private static string? Git(string repo, params string[] arguments) => GitCommand.Run(repo, arguments, environment: Identity).Problem;
}
