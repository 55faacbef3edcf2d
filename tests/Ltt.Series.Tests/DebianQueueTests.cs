using Ltt.Series.Planning;
using Ltt.Series.Tests.Support;
using Ltt.Testing;

namespace Ltt.Series.Tests;

/// <summary>
/// The planner on a real kernel branch (upstream 6.1 plus Debian's ~240-patch queue, read from
/// a bare repository: nothing is checked out). Its Microsoft MANA driver backport is the hard
/// case: two MAINTAINERS sections cover the driver (Hyper-V/Azure and networking), its headers
/// move to include/net/mana/ half-way (and that patch adds the folder to the Hyper-V section of
/// MAINTAINERS), and it needs a networking patch from elsewhere in the queue.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DebianQueueTests(DebianQueue queue) : IClassFixture<DebianQueue>
{
    private SplitResult Plan(string? maintainersAt) => SplitSession.Run(new SplitRequest
    {
        Input = queue.Range,
        Repository = queue.Repository,
        Tree = Path.Combine(Path.GetTempPath(), "no-such-tree-" + Guid.NewGuid().ToString("N")),
        MaintainersAt = maintainersAt,
        TemplatePath = Path.Combine(RepoPaths.Templates, "series", "cover-letter.sbn"),
    });

    [Theory]
    [InlineData(null)]
    [InlineData("base")]
    public void The_driver_chain_is_one_series_and_the_proof_starts_from_the_base_commit(string? maintainersAt)
    {
        var result = Plan(maintainersAt);
        Assert.True(result.Outcome == SplitOutcome.Done, string.Join("\n", result.Diagnostics));
        var plan = result.Plan!;
        Assert.Equal($"commit {queue.Base[..12]} (base)", plan.ProofBase);
        string at = maintainersAt == "base" ? $"{queue.Base[..12]} (base)" : $"{queue.Tip[..12]} (tip)";
        Assert.Equal($"MAINTAINERS of commit {at}", plan.Maintainers);

        var mana = plan.Series.Where(s => s.Patches.Any(p => p.Patch.Title.StartsWith("net: mana: ", StringComparison.Ordinal))).ToList();
        Assert.True(mana.Count == 1, "the MANA patches are spread over: " + string.Join(" / ", mana.Select(s => $"{s.Number} {s.Name}")));
        var series = mana[0];
        Assert.True(series.Patches.Count(p => p.Patch.Title.Contains("mana", StringComparison.Ordinal)) >= 40, series.Patches.Count.ToString());
        Assert.Contains(series.Patches, p => p.Patch.Title == "net: mana: Move header files to a common location");
        Assert.Contains("Hyper-V/Azure CORE AND DRIVERS", series.Sections);
        // The union of the patches' recipients: the Hyper-V people and the networking maintainers.
        Assert.Contains(series.To, a => a.Contains("kys@microsoft.com", StringComparison.Ordinal));
        Assert.Contains(series.To, a => a.Contains("kuba@kernel.org", StringComparison.Ordinal));

        // Only what the driver's chain needs goes with it: every networking patch of its series
        // needs a MANA patch or is needed by one (directly or through others); the queue's other
        // networking patches (dccp, fjes, net/core) stay in networking's own series.
        var all = plan.Series.SelectMany(s => s.Patches).ToDictionary(p => p.InputIndex);
        var manaPatches = series.Patches.Where(p => p.Patch.Title.StartsWith("net: mana: ", StringComparison.Ordinal)).Select(p => p.InputIndex).ToHashSet();
        var needed = Closure(manaPatches, k => all[k].DependsOn);
        var needing = Closure(manaPatches, k => all.Values.Where(p => p.DependsOn.Contains(k)).Select(p => p.InputIndex));
        foreach (var p in series.Patches.Where(p => p.OwningSections.FirstOrDefault()?.StartsWith("NETWORKING", StringComparison.Ordinal) == true))
            Assert.True(needed.Contains(p.InputIndex) || needing.Contains(p.InputIndex), $"patch {p.InputIndex + 1} '{p.Patch.Title}' is in the MANA series unchained");
        Assert.Contains(plan.Series, s => s != series && s.Patches.Any(p => p.OwningSections.FirstOrDefault()?.StartsWith("NETWORKING", StringComparison.Ordinal) == true));

        // No ping-pong: a series never needs another series of the same subsystems.
        var byNumber = plan.Series.ToDictionary(s => s.Number);
        foreach (var s in plan.Series)
            foreach (int d in s.DependsOn)
                Assert.True(byNumber[d].Name != s.Name, $"series {s.Number} and {d} are both {s.Name}");
        // Every series that needs another says why they are apart.
        foreach (var s in plan.Series.Where(s => s.DependsOn.Count > 0))
            Assert.Contains(plan.Notes, n => n.StartsWith($"series {s.Number} needs series ", StringComparison.Ordinal));
        // Infrastructure changes and instrumentation share a series only when one needs the other, and the plan says which.
        KindChecks.MixedSeriesAreExplained(plan);
        Assert.True(result.Check!.Holds);
    }

    private static HashSet<int> Closure(IEnumerable<int> start, Func<int, IEnumerable<int>> next)
    {
        var seen = start.ToHashSet();
        var queue = new Queue<int>(seen);
        while (queue.Count > 0)
            foreach (int n in next(queue.Dequeue()))
                if (seen.Add(n))
                    queue.Enqueue(n);
        return seen;
    }

    [Fact]
    public void The_maintainers_file_is_the_chosen_commits_own()
    {
        // The queue's header move adds include/net/mana/ to the Hyper-V section: a patch that
        // only changes those headers belongs to Hyper-V with the tip's MAINTAINERS and to
        // networking with the base's.
        var tip = Plan(null).Plan!;
        var @base = Plan("base").Plan!;
        static string OwnerOf(SeriesPlan plan, string title) =>
            plan.Series.SelectMany(s => s.Patches).First(p => p.Patch.Title == title).OwningSections[0];
        const string headerOnly = "net: mana: Define max values for SGL entries";
        Assert.Equal("Hyper-V/Azure CORE AND DRIVERS", OwnerOf(tip, headerOnly));
        Assert.StartsWith("NETWORKING", OwnerOf(@base, headerOnly));
    }
}
