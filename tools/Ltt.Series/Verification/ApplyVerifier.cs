using LibGit2Sharp;
using Ltt.Series.Output;
using Ltt.Series.Patches;
using Patch = Ltt.Series.Patches.Patch;
using Ltt.Series.Planning;

namespace Ltt.Series.Verification;

/// <summary>
/// Proves a plan loses nothing. The files the patchset touches are read from the tree; the
/// original patches are applied in order; then every series is applied on that base after
/// its prerequisite series, and all series in plan order. The resulting trees are written into
/// a temporary git repository (LibGit2Sharp) and compared by tree id; the same repository
/// diffs each series' before and after trees for the cover letter's diffstat.
/// </summary>
public static class ApplyVerifier
{
    public static SeriesCheck Verify(SeriesPlan plan, IReadOnlyList<Patch> original, string tree)
    {
        var problems = new List<string>();
        var stats = new Dictionary<int, IReadOnlyList<DiffstatRow>>();
        var paths = original.SelectMany(p => p.Diffs).SelectMany(d => new[] { d.OldPath, d.NewPath });
        var baseState = TreeState.FromDirectory(tree, paths);

        var expected = baseState.Clone();
        foreach (var patch in original)
        {
            if (PatchApplier.Apply(expected, patch) is { } problem)
            {
                problems.Add($"the input does not apply to the tree: {problem}");
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
                var state = baseState.Clone();
                foreach (int prerequisite in Prerequisites(series, byNumber))
                {
                    foreach (var p in byNumber[prerequisite].Patches)
                    {
                        if (PatchApplier.Apply(state, p.Patch) is { } problem)
                        {
                            problems.Add($"series {series.Number}: prerequisite series {prerequisite} does not apply: {problem}");
                            goto nextSeries;
                        }
                    }
                }
                var before = WriteTree(repo, state);
                foreach (var p in series.Patches)
                {
                    if (PatchApplier.Apply(state, p.Patch) is { } problem)
                    {
                        problems.Add($"series {series.Number} ({series.Name}) does not apply on its base: {problem}");
                        goto nextSeries;
                    }
                }
                stats[series.Number] = Stat(repo, before, WriteTree(repo, state));
            nextSeries:;
            }

            var combined = baseState.Clone();
            foreach (var p in plan.Series.SelectMany(s => s.Patches))
            {
                if (PatchApplier.Apply(combined, p.Patch) is { } problem)
                {
                    problems.Add($"applying all series in order fails: {problem}");
                    return new SeriesCheck(problems, stats);
                }
            }
            var want = WriteTree(repo, expected);
            var got = WriteTree(repo, combined);
            if (want.Id != got.Id)
            {
                foreach (var change in repo.Diff.Compare<TreeChanges>(want, got))
                    problems.Add($"all series together differ from the original patchset at {change.Path} ({change.Status})");
            }
        }
        finally
        {
            DeleteDirectory(repoPath);
        }
        return new SeriesCheck(problems, stats);
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

    private static Tree WriteTree(Repository repo, TreeState state)
    {
        var definition = new TreeDefinition();
        foreach (var (path, file) in state.Files)
        {
            var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(file.Content));
            definition.Add(path, blob, file.Mode == "100755" ? Mode.ExecutableFile : Mode.NonExecutableFile);
        }
        return repo.ObjectDatabase.CreateTree(definition);
    }

    private static IReadOnlyList<DiffstatRow> Stat(Repository repo, Tree before, Tree after)
    {
        var options = new CompareOptions { Similarity = SimilarityOptions.Renames };
        var rows = new List<DiffstatRow>();
        foreach (var change in repo.Diff.Compare<LibGit2Sharp.Patch>(before, after, options).OrderBy(c => c.Path, StringComparer.Ordinal))
            rows.Add(DiffstatRow.From(change, before, after));
        return rows;
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
