namespace Ltt.Series.Planning;

/// <summary>
/// The planner's rules for patches that need each other across subsystems, so that a chain of
/// dependent patches is not posted as series that alternate between maintainers ("ping-pong").
/// A group is a list of indexes into the planned patches; its people are the union of its
/// patches' To: (maintainers, reviewers), by address, leaving out the maintainers of the
/// catch-all section (THE REST), who get every patch and so say nothing about which belong
/// together.
/// <list type="number">
/// <item>A patch that a series needs joins that series when everyone the patch goes to also
/// gets the series, and a patch that needs a series joins it when everyone the series goes to
/// also gets the patch: a separate series would spare nobody anything (whoever gets the later
/// one needs the earlier one to apply it). Each patch moves at most once; when both ends of a
/// dependency could move, the patch of the smaller group does; a move never brings
/// infrastructure changes and instrumentation together unless along a dependency between
/// the two kinds (<see cref="KindRules"/>).</item>
/// <item>Series still needing each other both ways are merged when they share a person (one
/// series to the union of their recipients: the patches on a dependency path between them;
/// their other patches stay series of their own), and otherwise cut in two at the first
/// patch that needs the other series.</item>
/// <item>What stays apart is said in the plan: a series that needs another names the patch it
/// needs and who receives the other series but not this one.</item>
/// </list>
/// </summary>
public sealed class SeriesRules(IReadOnlyList<PlannedPatch> planned, IReadOnlySet<string> catchAll)
{
    private readonly KindRules _kinds = new(planned);

    /// <summary>Patches already posted together by a merge of rule 2: a later merge takes them whole.</summary>
    private readonly HashSet<int> _merged = [];

    /// <summary>Rule 1: moves patches into the series of the patches they are chained to.</summary>
    /// <param name="moved">Receives the patches that left the series of their own section.</param>
    public List<List<int>> KeepChainsTogether(List<List<int>> groups, List<string> notes, HashSet<int> moved)
    {
        var groupOf = GroupIndex(groups);
        var joined = new Dictionary<(int From, int To), List<int>>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int k = 0; k < planned.Count && !changed; k++)
            {
                foreach (int d in planned[k].DependsOn)
                {
                    int gk = groupOf[k], gd = groupOf[d];
                    if (gk == gd)
                        continue;
                    var candidates = new List<(int Patch, int From, int To)>();
                    if (!moved.Contains(d) && People(planned[d].Route.To).All(People(groups[gk]).Contains) && _kinds.MayJoin(d, k, groups[gk]))
                        candidates.Add((d, gd, gk));
                    if (!moved.Contains(k) && People(groups[gd]).All(People(planned[k].Route.To).Contains) && _kinds.MayJoin(k, d, groups[gd]))
                        candidates.Add((k, gk, gd));
                    if (candidates.Count == 0)
                        continue;
                    var (patch, from, to) = candidates.OrderBy(c => groups[c.From].Count).ThenByDescending(c => c.Patch).First();
                    groups[from].Remove(patch);
                    groups[to].Add(patch);
                    groupOf[patch] = to;
                    moved.Add(patch);
                    if (!joined.TryGetValue((from, to), out var list))
                        joined[(from, to)] = list = [];
                    list.Add(patch);
                    changed = true;
                    break;
                }
            }
        }
        foreach (var ((from, to), patches) in joined)
        {
            string owner = OwnerOf(patches.Select(p => planned[p]));
            string target = OwnerOf(groups[to].Where(p => !moved.Contains(p)).Select(p => planned[p]));
            notes.Add($"{Count(patches.Count)} of {owner} ({string.Join(", ", patches.Order().Select(p => planned[p].InputIndex + 1))}) "
                + $"{(patches.Count == 1 ? "goes" : "go")} with the series of {target}: chained to its patches by dependencies, "
                + "so a separate series would spare none of their recipients anything");
        }
        return groups.Where(g => g.Count > 0).Select(g => g.Order().ToList()).ToList();
    }

    /// <summary>
    /// Rule 2: breaks dependency cycles between groups. With <paramref name="mergeSharing"/>,
    /// groups of a cycle that share a person are merged; a group is otherwise cut at its first
    /// patch that needs another group of the cycle (dependencies point back in the input, so
    /// cutting ends); merging is the last resort.
    /// </summary>
    public List<List<int>> BreakCycles(List<List<int>> groups, List<string> notes, bool mergeSharing)
    {
        var cuts = new List<(List<int> Head, List<int> Tail, string Note)>();
        while (true)
        {
            var edges = groups.Select(g => DependenciesOf(g, groups)).ToList();
            var cycle = FindCycle(edges);
            if (cycle is null)
                return Rejoin(groups, cuts, notes);
            var inCycle = cycle.SelectMany(g => groups[g]).ToHashSet();
            var shared = cycle.Select(g => People(groups[g])).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal));
            if (mergeSharing && shared.Count > 0)
            {
                string note = $"{string.Join(" and ", cycle.Select(g => OwnerOf(groups[g].Select(p => planned[p]))).Distinct())} need each other "
                    + $"({Example(cycle, groups)}) and share {Address(shared.Order(StringComparer.Ordinal).First())}"
                    + (shared.Count > 1 ? $" and {shared.Count - 1} more" : "") + ": posted as one series to all their recipients";
                var (merged, apart) = MergeChained(groups, cycle);
                if (apart.Count > 0)
                {
                    var left = apart.SelectMany(g => g).Order().Select(p => planned[p].InputIndex + 1).ToList();
                    note += $"; {(left.Count == 1 ? "1 patch on no dependency path between them stays" : $"{left.Count} patches on no dependency path between them stay")} "
                        + $"apart ({string.Join(", ", left)})";
                }
                notes.Add(note);
                groups = merged;
                continue;
            }
            bool cut = false;
            foreach (int g in cycle)
            {
                var members = groups[g].Order().ToList();
                int at = members.FindIndex(k => planned[k].DependsOn.Any(d => inCycle.Contains(d) && !members.Contains(d)));
                if (at > 0)
                {
                    string note = $"{OwnerOf(members.Select(p => planned[p]))} is cut before {SeriesPlanner.Label(planned[members[at]])}: "
                        + $"it needs another series that needs the earlier patches ({Example(cycle, groups)}), "
                        + "and the two share no maintainer";
                    notes.Add(note);
                    groups[g] = members.Take(at).ToList();
                    groups.Add(members.Skip(at).ToList());
                    cuts.Add((groups[g], groups[^1], note));
                    cut = true;
                    break;
                }
            }
            if (!cut)
                groups = Merge(groups, cycle);
        }
    }

    /// <summary>
    /// A cut made early can become needless once a later cut breaks the same cycle: the two
    /// parts of a cut join again, latest cut first, whenever that makes no cycle.
    /// </summary>
    private List<List<int>> Rejoin(List<List<int>> groups, List<(List<int> Head, List<int> Tail, string Note)> cuts, List<string> notes)
    {
        for (int c = cuts.Count - 1; c >= 0; c--)
        {
            int head = groups.IndexOf(cuts[c].Head), tail = groups.IndexOf(cuts[c].Tail);
            if (head < 0 || tail < 0)
                continue;
            var joined = cuts[c].Head.Concat(cuts[c].Tail).Order().ToList();
            var trial = groups.Where((_, i) => i != head && i != tail).Append(joined).ToList();
            if (FindCycle(trial.Select(g => DependenciesOf(g, trial)).ToList()) is null)
            {
                groups = trial;
                notes.Remove(cuts[c].Note);
            }
        }
        return groups;
    }

    /// <summary>Rule 3: for every series that needs another, which patch needs which, and why they are two series.</summary>
    public IEnumerable<string> WhyApart(IReadOnlyList<PlannedSeries> series)
    {
        var seriesOf = new Dictionary<PlannedPatch, PlannedSeries>(ReferenceEqualityComparer.Instance);
        foreach (var s in series)
            foreach (var p in s.Patches)
                seriesOf[p] = s;
        foreach (var s in series)
        {
            foreach (int n in s.DependsOn)
            {
                var other = seriesOf.Values.First(o => o.Number == n);
                var (needing, needed) = s.Patches.SelectMany(p => p.DependsOn.Select(d => (p, planned[d])))
                    .First(e => seriesOf[e.Item2].Number == n);
                var spared = other.To.Except(s.To, StringComparer.Ordinal).ToList();
                string why = spared.Count > 0
                    ? $"{Address(spared[0])}{(spared.Count > 1 ? $" and {spared.Count - 1} more" : "")} {(spared.Count == 1 ? "gets" : "get")} series {n} but not this one"
                    : $"this one would add {Address(s.To.Except(other.To, StringComparer.Ordinal).FirstOrDefault() ?? "nobody")} to series {n}";
                yield return $"series {s.Number} needs series {n}: {SeriesPlanner.Label(needing)} needs {SeriesPlanner.Label(needed)}; kept apart because {why}";
            }
        }
    }

    /// <summary>The groups (other than the patch's own) holding patches the given group needs.</summary>
    public HashSet<int> DependenciesOf(List<int> group, List<List<int>> groups)
    {
        var owner = GroupIndex(groups);
        var members = group.ToHashSet();
        var result = new HashSet<int>();
        foreach (int k in group)
            foreach (int d in planned[k].DependsOn)
                if (!members.Contains(d))
                    result.Add(owner[d]);
        return result;
    }

    private HashSet<string> People(IEnumerable<int> group) => group.SelectMany(k => People(planned[k].Route.To)).ToHashSet(StringComparer.Ordinal);

    private HashSet<string> People(IEnumerable<string> to) =>
        to.Select(a => Address(a).ToLowerInvariant()).Where(a => !catchAll.Contains(a)).ToHashSet(StringComparer.Ordinal);

    public static Dictionary<int, int> GroupIndex(List<List<int>> groups)
    {
        var owner = new Dictionary<int, int>();
        for (int g = 0; g < groups.Count; g++)
            foreach (int k in groups[g])
                owner[k] = g;
        return owner;
    }

    /// <summary>
    /// Rule 2's merge, limited to what the cycle needs: only the patches on a dependency path
    /// to or from another group of the cycle (and those merged before, which stay together)
    /// make the one series; a group's other patches stay a series of their own, so an
    /// unrelated fix of one of the subsystems is not carried along to the other's people.
    /// When what stays apart would still need the merged series both ways, the groups merge
    /// whole.
    /// </summary>
    private (List<List<int>> Groups, List<List<int>> Apart) MergeChained(List<List<int>> groups, List<int> cycle)
    {
        var groupOf = GroupIndex(groups);
        var members = cycle.SelectMany(g => groups[g]).ToHashSet();
        var needs = members.ToDictionary(k => k, k => planned[k].DependsOn.Where(members.Contains).ToList());
        var neededBy = members.ToDictionary(k => k, _ => new List<int>());
        foreach (var (k, ds) in needs)
            foreach (int d in ds)
                neededBy[d].Add(k);
        var chained = members.Where(k => _merged.Contains(k) || Reaches(k, needs, groupOf) || Reaches(k, neededBy, groupOf)).ToHashSet();
        var apart = cycle.Select(g => groups[g].Where(k => !chained.Contains(k)).ToList()).Where(g => g.Count > 0).ToList();
        var rest = groups.Where((_, i) => !cycle.Contains(i)).ToList();
        if (apart.Count > 0)
        {
            var trial = rest.Append(chained.Order().ToList()).Concat(apart).ToList();
            var edges = trial.Select(g => DependenciesOf(g, trial)).ToList();
            int first = rest.Count;
            // Only the new groups are checked: a cycle through the others was there before.
            var local = Enumerable.Range(first, trial.Count - first).Select(i => edges[i].Where(e => e >= first).Select(e => e - first).ToHashSet()).ToList();
            if (FindCycle(local) is null)
            {
                _merged.UnionWith(chained);
                return (trial, apart);
            }
        }
        _merged.UnionWith(members);
        return (rest.Append(members.Order().ToList()).ToList(), []);
    }

    /// <summary>Whether a patch leads, along the given dependency edges, to a patch of another group.</summary>
    private static bool Reaches(int start, Dictionary<int, List<int>> edges, Dictionary<int, int> groupOf)
    {
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>([start]);
        while (queue.Count > 0)
        {
            foreach (int next in edges[queue.Dequeue()])
            {
                if (groupOf[next] != groupOf[start])
                    return true;
                if (seen.Add(next))
                    queue.Enqueue(next);
            }
        }
        return false;
    }

    private static List<List<int>> Merge(List<List<int>> groups, List<int> cycle)
    {
        var merged = cycle.SelectMany(g => groups[g]).Order().ToList();
        return groups.Where((_, i) => !cycle.Contains(i)).Append(merged).ToList();
    }

    /// <summary>One dependency inside a cycle, as the plan shows it: "patch 12 'x' uses foo, defined by patch 9 'y'".</summary>
    private string Example(List<int> cycle, List<List<int>> groups)
    {
        var inCycle = cycle.SelectMany(g => groups[g]).ToHashSet();
        var groupOf = GroupIndex(groups);
        foreach (int k in cycle.SelectMany(g => groups[g]).Order())
        {
            int d = planned[k].DependsOn.FirstOrDefault(d => inCycle.Contains(d) && groupOf[d] != groupOf[k], -1);
            if (d >= 0)
                return $"{SeriesPlanner.Label(planned[k])} needs patch {planned[d].InputIndex + 1}";
        }
        return "";
    }

    private static string OwnerOf(IEnumerable<PlannedPatch> patches) =>
        string.Join(" + ", patches.Select(p => p.OwningSections.FirstOrDefault() ?? "THE REST").Distinct());

    private static string Count(int n) => n == 1 ? "1 patch" : $"{n} patches";

    private static string Address(string formatted)
    {
        int lt = formatted.IndexOf('<');
        return lt >= 0 ? formatted[(lt + 1)..].TrimEnd('>') : formatted;
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
}
