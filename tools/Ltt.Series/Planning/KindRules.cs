using Ltt.Series.Kinds;

namespace Ltt.Series.Planning;

/// <summary>
/// The planner's rules on the kinds of patches (<see cref="PatchKind"/>), so that a reviewer
/// gets infrastructure changes and instrumentation in different series:
/// <list type="number">
/// <item>A series never holds an infrastructure change and instrumentation together unless
/// one needs the other: in a group of one maintainer's patches, the instrumentation patches
/// that neither need (directly or through other patches of the group) an infrastructure
/// change of the group nor are needed by one become a series of their own.</item>
/// <item>Moving a patch to keep a dependency chain together (<see cref="SeriesRules"/> rule 1)
/// may bring the two kinds together only along a dependency between them.</item>
/// <item>Among the series whose prerequisites are posted, infrastructure changes go first
/// (their maintainers must accept them), then new code, then instrumentation.</item>
/// <item>The plan says, for every series that still holds both, which patch needs which.</item>
/// </list>
/// A group is a list of indexes into the planned patches.
/// </summary>
public sealed class KindRules(IReadOnlyList<PlannedPatch> planned)
{
    private readonly List<(List<int> Apart, List<int> Others)> _separated = [];

    /// <summary>Rule 1: splits the instrumentation that needs no infrastructure change of its group (and that none needs) into a group of its own.</summary>
    public List<List<int>> SeparateKinds(List<List<int>> groups)
    {
        var result = new List<List<int>>();
        foreach (var group in groups)
        {
            if (!group.Any(k => Is(k, PatchKind.Infrastructure)) || !group.Any(k => Is(k, PatchKind.Instrumentation)))
            {
                result.Add(group);
                continue;
            }
            var reach = Reach(group);
            var apart = group.Where(k => Is(k, PatchKind.Instrumentation) && !reach[k].Any(o => Is(o, PatchKind.Infrastructure))).ToList();
            if (apart.Count == 0)
            {
                result.Add(group);
                continue;
            }
            result.Add(group.Except(apart).ToList());
            result.Add(apart);
            _separated.Add((apart, group.Except(apart).Where(k => Is(k, PatchKind.Infrastructure)).ToList()));
        }
        return result;
    }

    /// <summary>Rule 1 as the plan says it: which series of instrumentation went apart from which infrastructure changes of the same maintainers.</summary>
    public IEnumerable<string> WhySeparated(IReadOnlyList<PlannedSeries> series)
    {
        var numberOf = new Dictionary<PlannedPatch, int>(ReferenceEqualityComparer.Instance);
        foreach (var s in series)
            foreach (var p in s.Patches)
                numberOf[p] = s.Number;
        foreach (var (apart, others) in _separated)
        {
            var instrumentation = apart.Select(k => numberOf[planned[k]]).Distinct().Order().ToList();
            var infrastructure = others.Select(k => numberOf[planned[k]]).Distinct().Except(instrumentation).Order().ToList();
            if (infrastructure.Count == 0)
                continue;
            yield return $"the instrumentation ({Patches(apart)}) of {Owner(apart)} is posted apart as series {string.Join(", ", instrumentation)}, "
                + $"from the infrastructure {(others.Count == 1 ? "change" : "changes")} ({Patches(others)}) of the same maintainers in series {string.Join(", ", infrastructure)}: neither needs the other";
        }
    }

    private string Patches(List<int> group) =>
        (group.Count == 1 ? "patch " : "patches ") + string.Join(", ", group.Select(k => planned[k].InputIndex + 1));

    /// <summary>Rule 2: whether <paramref name="patch"/> may join <paramref name="target"/> to stay with <paramref name="partner"/>, the patch it needs or that needs it.</summary>
    public bool MayJoin(int patch, int partner, IEnumerable<int> target)
    {
        var kind = planned[patch].Kind.Kind;
        var opposite = kind switch
        {
            PatchKind.Instrumentation => PatchKind.Infrastructure,
            PatchKind.Infrastructure => PatchKind.Instrumentation,
            _ => (PatchKind?)null,
        };
        if (opposite is not { } other || !target.Any(k => k != patch && Is(k, other)))
            return true;
        return Is(partner, other);
    }

    /// <summary>Rule 3: the rank of a series in the posting order among those ready to post (lower first).</summary>
    public int Rank(IEnumerable<int> group)
    {
        var kinds = group.Select(k => planned[k].Kind.Kind).ToHashSet();
        return kinds.Contains(PatchKind.Infrastructure) ? 0 : kinds.Contains(PatchKind.NewCode) ? 1 : 2;
    }

    /// <summary>Rule 4: for every series holding both kinds, which instrumentation patch needs which infrastructure change (or the reverse), and through which patch.</summary>
    public IEnumerable<string> WhyMixed(IReadOnlyList<PlannedSeries> series)
    {
        var index = new Dictionary<PlannedPatch, int>(ReferenceEqualityComparer.Instance);
        for (int k = 0; k < planned.Count; k++)
            index[planned[k]] = k;
        foreach (var s in series)
        {
            var members = s.Patches.Select(p => index[p]).ToList();
            if (!members.Any(k => Is(k, PatchKind.Infrastructure)) || !members.Any(k => Is(k, PatchKind.Instrumentation)))
                continue;
            string? why = null;
            foreach (int k in members.Where(k => Is(k, PatchKind.Instrumentation)))
            {
                if (Path(k, members) is { } path)
                {
                    why = Describe(path);
                    break;
                }
            }
            yield return $"series {s.Number} holds infrastructure changes and instrumentation together: "
                + (why ?? "its patches were merged because their series needed each other (see above)");
        }
    }

    private bool Is(int k, PatchKind kind) => planned[k].Kind.Kind == kind;

    /// <summary>For every member, the members it needs or that need it, directly or through other members.</summary>
    private Dictionary<int, HashSet<int>> Reach(List<int> group)
    {
        var members = group.ToHashSet();
        var needs = group.ToDictionary(k => k, k => planned[k].DependsOn.Where(members.Contains).ToHashSet());
        var neededBy = group.ToDictionary(k => k, _ => new HashSet<int>());
        foreach (int k in group)
            foreach (int d in needs[k])
                neededBy[d].Add(k);
        var reach = new Dictionary<int, HashSet<int>>();
        foreach (int k in group)
            reach[k] = [.. Closure(k, needs), .. Closure(k, neededBy)];
        return reach;
    }

    private static HashSet<int> Closure(int start, Dictionary<int, HashSet<int>> edges)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(edges[start]);
        while (stack.Count > 0)
        {
            int n = stack.Pop();
            if (seen.Add(n))
                foreach (int m in edges[n])
                    stack.Push(m);
        }
        return seen;
    }

    /// <summary>The shortest chain of needs, inside the members, from an instrumentation patch to an infrastructure change in either direction.</summary>
    private List<(int Needing, int Needed)>? Path(int from, List<int> members)
    {
        var inside = members.ToHashSet();
        var previous = new Dictionary<int, (int Node, bool Forward)> { [from] = (-1, true) };
        var queue = new Queue<int>([from]);
        while (queue.Count > 0)
        {
            int n = queue.Dequeue();
            if (Is(n, PatchKind.Infrastructure))
            {
                var steps = new List<(int, int)>();
                for (int at = n; previous[at].Node >= 0; at = previous[at].Node)
                    steps.Add(previous[at].Forward ? (previous[at].Node, at) : (at, previous[at].Node));
                steps.Reverse();
                return steps;
            }
            foreach (int d in planned[n].DependsOn.Where(inside.Contains))
                if (previous.TryAdd(d, (n, true)))
                    queue.Enqueue(d);
            foreach (int m in members.Where(m => planned[m].DependsOn.Contains(n)))
                if (previous.TryAdd(m, (n, false)))
                    queue.Enqueue(m);
        }
        return null;
    }

    private string Describe(List<(int Needing, int Needed)> path) =>
        string.Join(", and ", path.Select(e => $"{Label(e.Needing)} needs {Label(e.Needed)}"));

    private string Label(int k) => $"{SeriesPlanner.Label(planned[k])} ({planned[k].Kind.Name})";

    private string Owner(List<int> group) =>
        string.Join(" + ", group.Select(k => planned[k].OwningSections.FirstOrDefault() ?? "THE REST").Distinct());
}
