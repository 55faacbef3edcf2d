using Ltt.Series.Kinds;
using Ltt.Series.Output;
using Ltt.Series.Patches;
using Ltt.Series.Routing;

namespace Ltt.Series.Planning;

/// <summary>
/// Cuts a routed patchset into series: every file belongs to the most specific maintained
/// section that matches it; patches owned by sections with the same maintainers form a
/// series; a patch spanning subsystems is reported (and split per subsystem on request);
/// every patch gets its kind (<see cref="PatchClassifier"/>) and <see cref="KindRules"/> keeps
/// infrastructure changes and instrumentation apart; then <see cref="SeriesRules"/> keeps
/// dependent chains together and breaks the cycles left, and dependencies, then kinds,
/// decide the order of the series.
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
        var kinds = PatchClassifier.Classify(planned.Select(p => p.Patch).ToList(), k => $"patch {planned[k].InputIndex + 1}");
        for (int k = 0; k < planned.Count; k++)
        {
            planned[k] = planned[k] with
            {
                Kind = kinds[k],
                DependsOn = dependencies[k].Select(d => d.Index).ToList(),
                DependencyReason = dependencies[k].Count > 0
                    ? string.Join("; ", dependencies[k].Select(d => $"{d.Reason} {Label(planned[d.Index])}"))
                    : null,
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
        var catchAll = router.Index.File.Sections.Where(s => s.Name == "THE REST")
            .SelectMany(s => s.Entries.Where(e => e.Tag is 'M' or 'R'))
            .Select(e => EmailFormat.Parse(e.Value).Address.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var rules = new SeriesRules(planned, catchAll);
        var kindRules = new KindRules(planned);
        groups = kindRules.SeparateKinds(groups);
        var moved = new HashSet<int>();
        groups = rules.KeepChainsTogether(groups, notes, moved);
        groups = rules.BreakCycles(groups, notes, mergeSharing: true);
        var partLabels = new Dictionary<int, string>();
        if (options.MaxPatches > 0)
        {
            var cut = new List<List<int>>();
            foreach (var g in groups)
            {
                var chunks = g.Order().Chunk(options.MaxPatches).Select(c => c.ToList()).ToList();
                for (int c = 0; c < chunks.Count && chunks.Count > 1; c++)
                    partLabels[chunks[c][0]] = $" (part {c + 1}/{chunks.Count})";
                cut.AddRange(chunks);
            }
            groups = rules.BreakCycles(cut, notes, mergeSharing: false);
        }
        var order = TopologicalOrder(groups, rules, kindRules);

        var series = new List<PlannedSeries>();
        var groupNumber = new Dictionary<int, int>();
        foreach (int g in order)
            groupNumber[g] = groupNumber.Count + 1;
        foreach (int g in order)
        {
            var members = groups[g].Order().Select(k => planned[k]).ToList();
            // Named after the sections of its own patches, not of those that joined it (rule 1).
            var home = groups[g].Where(k => !moved.Contains(k)).DefaultIfEmpty(groups[g][0]).Order().Select(k => planned[k]).ToList();
            var sections = home.SelectMany(m => m.OwningSections.Take(1)).Distinct().ToList();
            var to = members.SelectMany(m => m.Route.To).Distinct().ToList();
            var cc = members.SelectMany(m => m.Route.Cc).Distinct().ToList();
            var needs = rules.DependenciesOf(groups[g], groups).Select(d => groupNumber[d]).Order().ToList();
            string name = string.Join(" + ", sections.Select(s => s == "THE REST" ? Area(home) : s)) + partLabels.GetValueOrDefault(groups[g].Min(), "");
            series.Add(new PlannedSeries(groupNumber[g], name, sections, members, to, cc, needs)
            {
                NeedsBecause = NeedsBecause(groups, g, dependencies, groupNumber),
            });
        }
        // Two series of one subsystem, told apart by kind: the instrumentation says so in its name.
        for (int s = 0; s < series.Count; s++)
        {
            if (series[s].Patches.All(p => p.Kind.Kind == PatchKind.Instrumentation) && series.Count(o => o.Name == series[s].Name) > 1)
                series[s] = series[s] with { Name = series[s].Name + " (instrumentation)" };
        }
        notes.AddRange(kindRules.WhySeparated(series));
        notes.AddRange(rules.WhyApart(series));
        notes.AddRange(kindRules.WhyMixed(series));
        return new SeriesPlan(series, notes, set.BaseCommit, set.Patches.Count);
    }

    /// <summary>What group <paramref name="g"/>'s patches need from each other series, by that series' number.</summary>
    private static Dictionary<int, IReadOnlyList<string>> NeedsBecause(List<List<int>> groups, int g,
        IReadOnlyList<IReadOnlyList<(int Index, string Reason)>> dependencies, Dictionary<int, int> groupNumber)
    {
        var owner = SeriesRules.GroupIndex(groups);
        var because = new Dictionary<int, List<string>>();
        foreach (int k in groups[g].Order())
        {
            foreach (var (index, reason) in dependencies[k])
            {
                if (owner[index] == g)
                    continue;
                int number = groupNumber[owner[index]];
                if (!because.TryGetValue(number, out var subjects))
                    because[number] = subjects = [];
                string subject = DependencyAnalyzer.Subject(reason);
                if (!subjects.Contains(subject))
                    subjects.Add(subject);
            }
        }
        return because.ToDictionary(b => b.Key, b => (IReadOnlyList<string>)b.Value);
    }

    /// <summary>How the plan names a patch: its number in the input and its subject.</summary>
    internal static string Label(PlannedPatch patch) => $"patch {patch.InputIndex + 1} '{patch.Patch.Title}'";

    /// <summary>
    /// Words a maintainer recognises for files no maintained section covers (MAINTAINERS' catch-all
    /// THE REST): their directories, the most touched first ("ltt/, include/linux/").
    /// </summary>
    private static string Area(IReadOnlyList<PlannedPatch> members)
    {
        var directories = members.Where(m => m.OwningSections.FirstOrDefault() is null or "THE REST")
            .SelectMany(m => m.Patch.Diffs)
            .Select(d => d.Path.Split('/') is { Length: > 1 } parts ? string.Join('/', parts.Take(Math.Min(2, parts.Length - 1))) + "/" : d.Path)
            .GroupBy(d => d)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        return directories.Count == 0 ? "THE REST" : string.Join(", ", directories.Take(3)) + (directories.Count > 3 ? ", ..." : "");
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

    /// <summary>Prerequisites first; among ready series, infrastructure changes before new code before instrumentation, then the one whose first patch comes first in the input.</summary>
    private static List<int> TopologicalOrder(List<List<int>> groups, SeriesRules rules, KindRules kinds)
    {
        var edges = groups.Select(g => rules.DependenciesOf(g, groups)).ToList();
        var done = new HashSet<int>();
        var order = new List<int>();
        while (order.Count < groups.Count)
        {
            int next = Enumerable.Range(0, groups.Count)
                .Where(g => !done.Contains(g) && edges[g].All(done.Contains))
                .OrderBy(g => kinds.Rank(groups[g]))
                .ThenBy(g => groups[g].Min())
                .First();
            done.Add(next);
            order.Add(next);
        }
        return order;
    }
}
