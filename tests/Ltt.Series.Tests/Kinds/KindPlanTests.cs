using Ltt.Series.Kinds;
using Ltt.Series.Planning;
using Ltt.Series.Tests.Support;
using Ltt.Testing;

namespace Ltt.Series.Tests.Kinds;

/// <summary>The planner's use of kinds on the sample patchset: grouping, posting order and what the plan says.</summary>
public sealed class KindPlanTests
{
    private static readonly Lazy<SeriesPlan> Plan = new(() =>
    {
        var result = SplitSession.Run(new SplitRequest
        {
            Input = RepoPaths.Patches,
            Tree = RepoPaths.KernelTree,
            TemplatePath = Path.Combine(RepoPaths.Templates, "series", "cover-letter.sbn"),
        });
        Assert.True(result.Outcome == SplitOutcome.Done, string.Join("\n", result.Diagnostics));
        return result.Plan!;
    });

    private static PlannedSeries SeriesOf(int patch) => Plan.Value.Series.Single(s => s.Patches.Any(p => p.InputIndex + 1 == patch));

    [Fact]
    public void Instrumentation_of_a_subsystem_is_apart_from_its_infrastructure_changes_unless_it_needs_them()
    {
        // ext4: 21 (instrumentation) changes the tracepoint and call that 19 (infrastructure) added.
        Assert.Same(SeriesOf(19), SeriesOf(21));
        Assert.Contains(Plan.Value.Notes, n => n == $"series {SeriesOf(21).Number} holds infrastructure changes and instrumentation together: "
            + "patch 21 'ext4: say when a journalled write was short' (instrumentation) needs patch 19 'ext4: trace points for the journalled and delayed allocation paths' (infrastructure change)");
        // The block layer's maintainers also own pipe and splice: 24 (instrumentation) and 27 (infrastructure) need nothing of each other.
        Assert.NotSame(SeriesOf(24), SeriesOf(27));
        Assert.Contains(Plan.Value.Notes, n => n.StartsWith("the instrumentation (patch 24) of BLOCK LAYER is posted apart", StringComparison.Ordinal));
        KindChecks.MixedSeriesAreExplained(Plan.Value);
    }

    [Fact]
    public void Infrastructure_changes_are_posted_before_instrumentation_when_nothing_else_decides()
    {
        var plan = Plan.Value;
        static int Rank(PlannedSeries s) => s.Patches.Any(p => p.Kind.Kind == PatchKind.Infrastructure) ? 0
            : s.Patches.Any(p => p.Kind.Kind == PatchKind.NewCode) ? 1 : 2;
        // A series posted before one of lower rank must be one of its prerequisites, directly or not.
        var byNumber = plan.Series.ToDictionary(s => s.Number);
        HashSet<int> Needs(PlannedSeries s) => [.. s.DependsOn, .. s.DependsOn.SelectMany(d => Needs(byNumber[d]))];
        for (int i = 0; i < plan.Series.Count; i++)
            for (int j = i + 1; j < plan.Series.Count; j++)
                if (Rank(plan.Series[i]) > Rank(plan.Series[j]))
                    Assert.True(Needs(plan.Series[j]).Contains(plan.Series[i].Number),
                        $"series {plan.Series[i].Number} ({plan.Series[i].Kinds}) is posted before series {plan.Series[j].Number} ({plan.Series[j].Kinds}) without being needed");
        Assert.Equal("instr", plan.Series[^1].Kinds);
    }

    [Fact]
    public void The_plan_table_shows_kinds_and_the_reasons_when_asked()
    {
        string table = PlanTable.Render(Plan.Value);
        Assert.Contains("#   series                                kinds        patches", table);
        Assert.Contains("   21. [instr] ext4: say when a journalled write was short", table);
        Assert.DoesNotContain("instrumentation: only tracepoints", table);
        string verbose = PlanTable.Render(Plan.Value, reasons: true);
        Assert.Contains("   21. [instr] ext4: say when a journalled write was short", verbose);
        Assert.Contains("\n         instrumentation: only tracepoints, trace calls, marker sites and their includes in fs/ext4/inode.c, include/trace/ext4.h\n", verbose);
        Assert.Contains("\n         infrastructure change: deletes virt/kvm/kvm_trace.c\n", verbose);
    }
}
