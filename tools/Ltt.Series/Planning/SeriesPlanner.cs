using Ltt.Series.Output;
using Ltt.Series.Patches;
using Ltt.Series.Routing;

namespace Ltt.Series.Planning;

/// <summary>
/// Cuts a routed patchset into series: every file belongs to the most specific maintained
/// section that matches it; patches owned by sections with the same maintainers form a
/// series; a patch spanning subsystems is reported (and split per subsystem on request);
/// dependencies between patches decide the order of the series, and series that depend on
/// each other both ways are merged.
/// </summary>
public static class SeriesPlanner
{
    public static SeriesPlan Plan(PatchSet set, MaintainersRouter router, PlanOptions options)
    {
        var notes = new List<string>();
        var planned = new List<PlannedPatch>();
        for (int i = 0; i < set.Patches.Count; i++)
        {
            var patch = set.Patches[i];
            var owners = Owners(patch, router.Index);
            var sections = owners.Values.Distinct().ToList();
            if (sections.Count <= 1)
            {
                planned.Add(new PlannedPatch(patch, i, router.Route(patch.Source, patch.Text), sections));
                continue;
            }
            string label = $"patch {i + 1} '{patch.Title}'";
            var crossing = patch.Diffs.FirstOrDefault(d => d.Change is FileChange.Rename or FileChange.Copy && Owner(d.OldPath, router.Index) != Owner(d.NewPath, router.Index));
            if (!options.SplitMixed || crossing is not null)
            {
                var main = sections.OrderByDescending(s => patch.Diffs.Where(d => owners[d] == s).Sum(d => d.Insertions + d.Deletions + 1)).First();
                notes.Add($"{label} touches {sections.Count} subsystems ({string.Join(", ", sections)}); kept whole with {main}"
                    + (crossing is not null ? $" (it moves {crossing.OldPath} across subsystems, so it cannot be split)" : "; --split-mixed splits it"));
                planned.Add(new PlannedPatch(patch, i, router.Route(patch.Source, patch.Text), [main, .. sections.Where(s => s != main)]));
                continue;
            }
            notes.Add($"{label} touches {sections.Count} subsystems; split into {sections.Count} patches ({string.Join(", ", sections)})");
            foreach (string section in sections)
            {
                var part = SplitPart(patch, patch.Diffs.Where(d => owners[d] == section).ToList());
                planned.Add(new PlannedPatch(part, i, router.Route(part.Source, part.Text), [section]) { SplitFrom = patch.Source });
            }
        }

        var dependencies = DependencyAnalyzer.Analyze(planned.Select(p => p.Patch).ToList());
        for (int k = 0; k < planned.Count; k++)
        {
            planned[k] = planned[k] with
            {
                DependsOn = dependencies[k].Select(d => d.Index).ToList(),
                DependencyReason = dependencies[k].Count > 0 ? string.Join("; ", dependencies[k].Select(d => d.Reason)) : null,
            };
        }

        // Group by the maintainers of the owning section.
        var groups = new List<List<int>>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < planned.Count; k++)
        {
            string owner = planned[k].OwningSections.FirstOrDefault() ?? "THE REST";
            var section = router.Index.File.Sections.First(s => s.Name == owner);
            string key = string.Join("|", section.Tagged('M').Select(e => e.Value).Order(StringComparer.Ordinal));
            if (key.Length == 0)
                key = owner;
            if (!byKey.TryGetValue(key, out int g))
            {
                byKey[key] = g = groups.Count;
                groups.Add([]);
            }
            groups[g].Add(k);
        }
        var partLabels = new Dictionary<int, string>();
        if (options.MaxPatches > 0)
        {
            var cut = new List<List<int>>();
            foreach (var g in groups)
            {
                var chunks = g.Chunk(options.MaxPatches).Select(c => c.ToList()).ToList();
                for (int c = 0; c < chunks.Count && chunks.Count > 1; c++)
                    partLabels[chunks[c][0]] = $" (part {c + 1}/{chunks.Count})";
                cut.AddRange(chunks);
            }
            groups = cut;
        }
        groups = MergeCycles(groups, planned);
        var order = TopologicalOrder(groups, planned);

        var series = new List<PlannedSeries>();
        var groupNumber = new Dictionary<int, int>();
        foreach (int g in order)
            groupNumber[g] = groupNumber.Count + 1;
        foreach (int g in order)
        {
            var members = groups[g].Order().Select(k => planned[k]).ToList();
            var sections = members.SelectMany(m => m.OwningSections.Take(1)).Distinct().ToList();
            var to = members.SelectMany(m => m.Route.To).Distinct().ToList();
            var cc = members.SelectMany(m => m.Route.Cc).Distinct().ToList();
            var needs = DependenciesOf(groups[g], groups, planned).Select(d => groupNumber[d]).Order().ToList();
            string name = string.Join(" + ", sections) + partLabels.GetValueOrDefault(groups[g][0], "");
            series.Add(new PlannedSeries(groupNumber[g], name, sections, members, to, cc, needs));
        }
        return new SeriesPlan(series, notes, set.BaseCommit, set.Patches.Count);
    }

    /// <summary>The section owning each file diff of a patch.</summary>
    private static Dictionary<FileDiff, string> Owners(Patch patch, MaintainersIndex index) =>
        patch.Diffs.ToDictionary(d => d, d => Owner(d.Path, index));

    /// <summary>The most specific matching section that has a maintainer; THE REST when none has.</summary>
    public static string Owner(string path, MaintainersIndex index)
    {
        foreach (var match in index.Match(path))
        {
            if (match.Section.Name != "THE REST" && match.Section.Tagged('M').Any())
                return match.Section.Name;
        }
        return "THE REST";
    }

    private static Patch SplitPart(Patch patch, IReadOnlyList<FileDiff> diffs)
    {
        string title = patch.Title;
        int colon = title.IndexOf(": ", StringComparison.Ordinal);
        string rest = colon > 0 && colon < 40 ? title[(colon + 2)..] : title;
        string newTitle = $"{SubsystemPrefix(diffs)}: {rest}";
        var mail = new PatchMail
        {
            AuthorName = patch.AuthorName,
            AuthorEmail = patch.AuthorEmail,
            Date = patch.Date,
            SubjectPrefix = "[PATCH]",
            Title = newTitle,
            Body = patch.Body,
            Diffs = diffs,
        };
        return patch with
        {
            Source = patch.Source + "#" + SubsystemPrefix(diffs),
            Title = newTitle,
            Diffs = diffs,
            Text = FormatPatchWriter.Render(mail),
            CommitId = null,
        };
    }

    /// <summary>A subject prefix from the files' common directory ("drivers/hwmon/x.c" gives "hwmon").</summary>
    public static string SubsystemPrefix(IReadOnlyList<FileDiff> diffs)
    {
        var dirs = diffs.Select(d => d.Path.Split('/')[..^1]).ToList();
        var common = dirs[0].ToList();
        foreach (var dir in dirs.Skip(1))
        {
            int n = 0;
            while (n < common.Count && n < dir.Length && common[n] == dir[n])
                n++;
            common = common.Take(n).ToList();
        }
        while (common.Count > 1 && common[0] is "drivers" or "kernel" or "include" or "arch" or "linux")
            common.RemoveAt(0);
        if (common.Count == 0)
            return Path.GetFileNameWithoutExtension(diffs[0].Path);
        return string.Join('/', common.TakeLast(2));
    }

    private static HashSet<int> DependenciesOf(List<int> group, List<List<int>> groups, List<PlannedPatch> planned)
    {
        var owner = new Dictionary<int, int>();
        for (int g = 0; g < groups.Count; g++)
            foreach (int k in groups[g])
                owner[k] = g;
        var result = new HashSet<int>();
        foreach (int k in group)
            foreach (int d in planned[k].DependsOn)
                if (!group.Contains(d))
                    result.Add(owner[d]);
        return result;
    }

    /// <summary>
    /// Breaks dependency cycles between series: a series that needs another one which in turn
    /// needs its later patches is cut in two at its first patch needing the other series
    /// (dependencies point back in the input, so cutting always ends); merging is the fallback.
    /// </summary>
    private static List<List<int>> MergeCycles(List<List<int>> groups, List<PlannedPatch> planned)
    {
        while (true)
        {
            var edges = groups.Select(g => DependenciesOf(g, groups, planned)).ToList();
            var cycle = FindCycle(edges);
            if (cycle is null)
                return groups;
            var inCycle = cycle.SelectMany(g => groups[g]).ToHashSet();
            bool cut = false;
            foreach (int g in cycle)
            {
                var members = groups[g].Order().ToList();
                int at = members.FindIndex(k => planned[k].DependsOn.Any(d => inCycle.Contains(d) && !members.Contains(d)));
                if (at > 0)
                {
                    groups[g] = members.Take(at).ToList();
                    groups.Add(members.Skip(at).ToList());
                    cut = true;
                    break;
                }
            }
            if (cut)
                continue;
            var merged = cycle.SelectMany(g => groups[g]).Order().ToList();
            groups = groups.Where((_, i) => !cycle.Contains(i)).Append(merged).ToList();
        }
    }

    private static List<int>? FindCycle(List<HashSet<int>> edges)
    {
        var state = new int[edges.Count];
        var stack = new List<int>();
        List<int>? found = null;
        bool Visit(int n)
        {
            state[n] = 1;
            stack.Add(n);
            foreach (int m in edges[n].Order())
            {
                if (state[m] == 1)
                {
                    found = stack.Skip(stack.IndexOf(m)).ToList();
                    return true;
                }
                if (state[m] == 0 && Visit(m))
                    return true;
            }
            stack.RemoveAt(stack.Count - 1);
            state[n] = 2;
            return false;
        }
        for (int n = 0; n < edges.Count; n++)
            if (state[n] == 0 && Visit(n))
                return found;
        return null;
    }

    /// <summary>Prerequisites first; among ready series, the one whose first patch comes first in the input.</summary>
    private static List<int> TopologicalOrder(List<List<int>> groups, List<PlannedPatch> planned)
    {
        var edges = groups.Select(g => DependenciesOf(g, groups, planned)).ToList();
        var done = new HashSet<int>();
        var order = new List<int>();
        while (order.Count < groups.Count)
        {
            int next = Enumerable.Range(0, groups.Count)
                .Where(g => !done.Contains(g) && edges[g].All(done.Contains))
                .OrderBy(g => groups[g].Min())
                .First();
            done.Add(next);
            order.Add(next);
        }
        return order;
    }
}
