using LibGit2Sharp;
using Ltt.Series.Output;
using Ltt.Series.Patches;
using Patch = Ltt.Series.Patches.Patch;
using Ltt.Series.Planning;
using Ltt.Series.Trees;

namespace Ltt.Series.Verification;

/// <summary>
/// Proves a plan loses nothing, in memory. The files the patchset touches are read from the
/// base tree (a directory, or the base commit of a git range); the original patches are
/// applied in order; then every series is applied on that base after its prerequisite series
/// (only the files the series touches are followed through the prerequisites: nothing else
/// can make it fail), and all series in plan order, whose result must equal the original
/// patchset's file for file. Each series' diffstat comes from diffing its before and after
/// files in a throw-away object database (LibGit2Sharp), as git format-patch computes it.
/// </summary>
public static class ApplyVerifier
{
    public static SeriesCheck Verify(SeriesPlan plan, IReadOnlyList<Patch> original, ITreeView tree)
    {
        var problems = new List<string>();
        var stats = new Dictionary<int, IReadOnlyList<DiffstatRow>>();
        var paths = original.SelectMany(p => p.Diffs).SelectMany(d => new[] { d.OldPath, d.NewPath });
        var baseState = TreeState.FromTree(tree, paths);

        var expected = baseState.Clone();
        foreach (var patch in original)
        {
            if (PatchApplier.Apply(expected, patch) is { } problem)
            {
                problems.Add($"the input does not apply to {tree.Name}: {problem}");
                return new SeriesCheck(problems, stats);
            }
        }

        string repoPath = Path.Combine(Path.GetTempPath(), "ltt-split-verify-" + Guid.NewGuid().ToString("N"));
        try
        {
            Repository.Init(repoPath, isBare: true);
            using var repo = new Repository(repoPath);
            var byNumber = plan.Series.ToDictionary(s => s.Number);
            foreach (var series in plan.Series)
            {
                var prerequisites = Prerequisites(series, byNumber).SelectMany(n => byNumber[n].Patches).Select(p => p.Patch).ToList();
                var followed = Followed(series, prerequisites);
                var state = baseState.Restrict(followed);
                if (ApplyAll(state, prerequisites, followed) is { } prerequisiteProblem)
                {
                    problems.Add($"series {series.Number}: its prerequisite series do not apply: {prerequisiteProblem}");
                    continue;
                }
                var before = state.Clone();
                if (ApplyAll(state, series.Patches.Select(p => p.Patch), null) is { } problem)
                {
                    problems.Add($"series {series.Number} ({series.Name}) does not apply on its base: {problem}");
                    continue;
                }
                stats[series.Number] = Stat(repo, before, state);
            }

            var combined = baseState.Clone();
            if (ApplyAll(combined, plan.Series.SelectMany(s => s.Patches).Select(p => p.Patch), null) is { } combinedProblem)
            {
                problems.Add($"applying all series in order fails: {combinedProblem}");
                return new SeriesCheck(problems, stats);
            }
            foreach (string path in TreeState.Differences(expected, combined))
                problems.Add($"all series together differ from the original patchset at {path}");
        }
        finally
        {
            DeleteDirectory(repoPath);
        }
        return new SeriesCheck(problems, stats);
    }

    /// <summary>
    /// The files a series touches, and the files they came from through renames and copies
    /// in its prerequisites (followed back from the last prerequisite to the first).
    /// </summary>
    private static HashSet<string> Followed(PlannedSeries series, IReadOnlyList<Patch> prerequisites)
    {
        var followed = series.Patches.SelectMany(p => p.Patch.Diffs).SelectMany(d => new[] { d.OldPath, d.NewPath }).ToHashSet(StringComparer.Ordinal);
        for (int i = prerequisites.Count - 1; i >= 0; i--)
        {
            foreach (var diff in prerequisites[i].Diffs)
            {
                if (diff.Change is FileChange.Rename or FileChange.Copy && followed.Contains(diff.NewPath))
                    followed.Add(diff.OldPath);
            }
        }
        return followed;
    }

    private static string? ApplyAll(TreeState state, IEnumerable<Patch> patches, IReadOnlySet<string>? only)
    {
        foreach (var patch in patches)
        {
            if (PatchApplier.Apply(state, patch, only) is { } problem)
                return problem;
        }
        return null;
    }

    /// <summary>Every series a series needs, directly or not, in plan order.</summary>
    public static IReadOnlyList<int> Prerequisites(PlannedSeries series, IReadOnlyDictionary<int, PlannedSeries> byNumber)
    {
        var all = new SortedSet<int>();
        var todo = new Stack<int>(series.DependsOn);
        while (todo.Count > 0)
        {
            int n = todo.Pop();
            if (all.Add(n))
                foreach (int m in byNumber[n].DependsOn)
                    todo.Push(m);
        }
        return all.ToList();
    }

    /// <summary>The diffstat rows of the files that differ between two states, diffed with rename detection.</summary>
    private static IReadOnlyList<DiffstatRow> Stat(Repository repo, TreeState before, TreeState after)
    {
        var changed = TreeState.Differences(before, after);
        var beforeTree = WriteTree(repo, before, changed);
        var afterTree = WriteTree(repo, after, changed);
        var options = new CompareOptions { Similarity = SimilarityOptions.Renames };
        // TreeChanges and PatchStats, not Patch: libgit2 builds a Patch through callbacks that
        // marshal a hunk per call, which the native (AOT) ltt-split receives as null and crashes on.
        using var lines = repo.Diff.Compare<PatchStats>(beforeTree, afterTree, options);
        using var changes = repo.Diff.Compare<TreeChanges>(beforeTree, afterTree, options);
        var rows = new List<DiffstatRow>();
        foreach (var change in changes.OrderBy(c => c.Path, StringComparer.Ordinal))
            rows.Add(DiffstatRow.From(change, lines[change.Path], beforeTree, afterTree));
        return rows;
    }

    private static Tree WriteTree(Repository repo, TreeState state, IReadOnlyList<string> paths)
    {
        var definition = new TreeDefinition();
        foreach (string path in paths)
        {
            if (!state.TryGet(path, out var file))
                continue;
            var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(file.Content));
            definition.Add(path, blob, file.Mode == "100755" ? Mode.ExecutableFile : Mode.NonExecutableFile);
        }
        return repo.ObjectDatabase.CreateTree(definition);
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            foreach (string f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                File.SetAttributes(f, FileAttributes.Normal);
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
