using Ltt.Series.Maintainers;
using Ltt.Series.Patches;
using Ltt.Series.Planning;
using Ltt.Series.Routing;

namespace Ltt.Series.Tests;

/// <summary>
/// The planner on small patchsets written here, against a MAINTAINERS file of two subsystems:
/// grouping by owner, a patch that mixes subsystems, dependencies between series and their
/// order, and the cut of long series.
/// </summary>
public sealed class SeriesPlannerTests : IDisposable
{
    private const string Maintainers = """
        FOO DRIVER
        M:	Fay Oak <fay@example.org>
        L:	foo-devel@example.org
        S:	Maintained
        F:	drivers/foo/

        BAR FILESYSTEM
        M:	Bob Arden <bob@example.org>
        L:	bar-devel@example.org
        S:	Maintained
        F:	fs/bar/

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("ltt-planner-").FullName;
    private int _count;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void PatchesOfOneOwnerFormOneSeriesAddressedToItsMaintainer()
    {
        AddPatch("foo: add the reset path", ("drivers/foo/reset.c", NewFile("int foo_reset(void);")));
        AddPatch("bar: add the mount path", ("fs/bar/mount.c", NewFile("int bar_mount(void);")));
        AddPatch("foo: add the probe path", ("drivers/foo/probe.c", NewFile("int foo_probe(void);")));

        var plan = Plan(new PlanOptions());

        Assert.Equal(2, plan.Series.Count);
        var foo = Assert.Single(plan.Series, s => s.Sections.Contains("FOO DRIVER"));
        Assert.Equal([0, 2], foo.Patches.Select(p => p.InputIndex));
        Assert.Contains(foo.To, t => t.Contains("fay@example.org", StringComparison.Ordinal));
        Assert.Contains(foo.Cc, c => c.Contains("foo-devel@example.org", StringComparison.Ordinal));
        var bar = Assert.Single(plan.Series, s => s.Sections.Contains("BAR FILESYSTEM"));
        Assert.Equal([1], bar.Patches.Select(p => p.InputIndex));
        Assert.Empty(foo.DependsOn);
        Assert.Empty(bar.DependsOn);
    }

    [Fact]
    public void APatchOfTwoSubsystemsIsKeptWholeAndReportedOrSplitOnRequest()
    {
        AddPatch("treewide: add both paths",
            ("drivers/foo/both.c", NewFile("int foo_both(void);")),
            ("fs/bar/both.c", NewFile("int bar_both(void);")));

        var whole = Plan(new PlanOptions());
        var series = Assert.Single(whole.Series);
        Assert.Single(series.Patches);
        Assert.Contains(whole.Notes, n => n.StartsWith("patch 1 'treewide: add both paths' touches 2 subsystems", StringComparison.Ordinal) &&
            n.EndsWith("--split-mixed splits it", StringComparison.Ordinal));

        var split = Plan(new PlanOptions { SplitMixed = true });
        Assert.Equal(2, split.Series.Count);
        Assert.All(split.Series, s => Assert.Equal(0, Assert.Single(s.Patches).InputIndex));
        Assert.Contains(split.Notes, n => n.Contains("split into 2 patches", StringComparison.Ordinal));
    }

    [Fact]
    public void ASeriesThatUsesAnotherSeriesCodeNeedsItAndIsPostedAfterIt()
    {
        AddPatch("foo: add a helper", ("drivers/foo/helper.c", NewFile("int foo_helper(void)", "{", "\treturn 0;", "}")));
        AddPatch("bar: call the foo helper", ("fs/bar/user.c", NewFile("int bar_user(void)", "{", "\treturn foo_helper();", "}")));

        var plan = Plan(new PlanOptions());

        Assert.Equal(2, plan.Series.Count);
        var foo = Assert.Single(plan.Series, s => s.Sections.Contains("FOO DRIVER"));
        var bar = Assert.Single(plan.Series, s => s.Sections.Contains("BAR FILESYSTEM"));
        Assert.Equal([foo.Number], bar.DependsOn);
        Assert.True(plan.Series.ToList().IndexOf(foo) < plan.Series.ToList().IndexOf(bar), "the series needed is posted first");
        Assert.Contains(bar.NeedsBecause[foo.Number], why => why.Contains("foo_helper", StringComparison.Ordinal));
    }

    [Fact]
    public void ALongSeriesIsCutIntoPartsInOrder()
    {
        for (int i = 0; i < 5; i++)
            AddPatch($"foo: add part {i}", ($"drivers/foo/part{i}.c", NewFile($"int foo_part{i}(void);")));

        var plan = Plan(new PlanOptions { MaxPatches = 2 });

        Assert.Equal([2, 2, 1], plan.Series.Select(s => s.Patches.Count));
        Assert.Equal(Enumerable.Range(0, 5), plan.Series.SelectMany(s => s.Patches).Select(p => p.InputIndex));
    }

    private SeriesPlan Plan(PlanOptions options)
    {
        var set = PatchSetLoader.Load(_dir);
        Assert.Empty(set.Diagnostics);
        var router = new MaintainersRouter(MaintainersIndex.Build(MaintainersParser.Parse("MAINTAINERS", Maintainers), null));
        return SeriesPlanner.Plan(set, router, options);
    }

    /// <summary>The diff of a new file holding <paramref name="lines"/>.</summary>
    private static string NewFile(params string[] lines) =>
        $"@@ -0,0 +1{(lines.Length == 1 ? "" : "," + lines.Length)} @@\n" + string.Concat(lines.Select(l => "+" + l + "\n"));

    private void AddPatch(string subject, params (string Path, string Hunk)[] files)
    {
        int number = ++_count;
        var text = new System.Text.StringBuilder();
        text.Append($"From {number:x40} Mon Sep 17 00:00:00 2001\n")
            .Append("From: Pat Writer <pat@example.org>\n")
            .Append($"Date: Thu, 5 Mar 2009 13:{number:00}:00 -0500\n")
            .Append($"Subject: [PATCH {number:00}/99] {subject}\n\n")
            .Append($"{subject}.\n\nSigned-off-by: Pat Writer <pat@example.org>\n---\n");
        foreach (var (path, hunk) in files)
        {
            text.Append($"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/{path}\n")
                .Append(hunk);
        }
        text.Append("-- \n2.39.2\n\n");
        File.WriteAllText(Path.Combine(_dir, $"{number:0000}-patch.patch"), text.ToString());
    }
}
