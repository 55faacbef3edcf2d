using System.Text.RegularExpressions;
using Ltt.Validation.Kernel;
using Ltt.Validation.Kernel.Comparison;
using Ltt.Validation.Reports;

namespace Ltt.Validation.Tests.Reports;

/// <summary>The kernel run's HTML page carries the run's numbers: per tracepoint, per CPU, mismatches, and what did not build.</summary>
public sealed partial class KernelRunPageTests
{
    internal static KernelRunResult Run()
    {
        var tracepoints = new List<TracepointComparison>
        {
            new("sched_switch", "sched", 1200, 1210, 1190, ["prev_comm", "prev_pid", "next_pid"], [new NotRecordedField("sched_switch", "prev_prio", "not in the spec")], 6, 2),
            new("irq_handler_entry", "irq", 40, 40, 40, ["irq", "name"], [], 2, 0),
            new("ltt_private", null, 3, 0, 0, [], [], 0, 0, NotCompared: "ftrace has no event of that name"),
        };
        var cpus = new List<CpuComparison> { new(0, 700, 705, 690, 5, 3, 0, 0, false, 0, 41_000, 2), new(1, 543, 545, 540, 2, 0, 0, 0, true, 0, 12_000, 0) };
        var mismatches = new List<HitMismatch> { new(MismatchKind.Field, 0, 17, 17, "sched_switch", "prev_pid", "12", "13") };
        var totals = new ComparisonTotals(2, 1230, 3650, 5, 8, 0.625, 2, 0, 0, 3, 7, 41_000);
        var comparison = new ComparisonReport(totals, tracepoints, cpus, mismatches, [], new ComparisonOptions());
        var counters = new KernelRunCounters("6.1.0-test-amd64", 4, 1, 120, 2, 1230, 3650, 0.625, 2, 0, 0) { KprobesRegistered = 13, KprobesHit = 12, KprobeHitsCompared = 400 };
        var build = new ProbeBuildResult(null, "/tmp/probes", ["sched-trace", "irq-trace"], [new ModuleBuildFailure("xfs-trace", "xfs_trace.h: unknown type name 'xfs_ino_t'")], null);
        return new KernelRunResult(false, ["sched_switch: 2 mismatches"], counters, build, null, ["ran under TCG"], TimeSpan.FromSeconds(174))
        {
            Comparison = comparison,
        };
    }

    [Fact]
    public void EveryTracepointHasItsHitsFieldsCoverageAndMismatches()
    {
        string html = KernelRunPage.Render(Run());

        var rows = Rows(Table(html, "tracepoints"));
        Assert.Equal(["irq_handler_entry", "ltt_private", "sched_switch"], rows.Select(r => Text(r[0])));
        var sched = rows.Single(r => Text(r[0]) == "sched_switch");
        Assert.Equal(["1200", "1210", "1190", "3", "6", "50", "2"], sched.Skip(2).Take(7).Select(Value));
        Assert.Contains("prev_prio: not in the spec", sched[9]);
        Assert.Equal("ftrace has no event of that name", Text(rows.Single(r => Text(r[0]) == "ltt_private")[10]));

        Assert.Equal(["4", "1", "120", "2", "1230", "3650", "62.5", "2", "0", "0", "13", "12", "400"], Rows(Table(html, "summary"))[0].Select(Value));
        var cpus = Rows(Table(html, "cpus"));
        Assert.Equal(["0", "1"], cpus.Select(r => Value(r[0])));
        Assert.Equal("unknown", Text(cpus[1][7]));
        Assert.Contains("ours 12, ftrace 13", Table(html, "mismatches"));
        Assert.Contains("xfs_ino_t", Table(html, "modules-not-built"));
        Assert.Contains("ran under TCG", Table(html, "notes"));
        Assert.Contains("sched_switch: 2 mismatches", Table(html, "problems"));
        Assert.Contains("<title>Kernel run: 6.1.0-test-amd64, failed</title>", html);
    }

    // Starts a browser: seconds on a quiet machine, close to a minute on a loaded one.
    [Fact]
    [Trait("Category", "Slow")]
    public void InABrowserThePageShowsEveryTableAndNothingFromOutside()
    {
        string file = Path.Combine(Path.GetTempPath(), $"ltt-kernel-run-page-{Guid.NewGuid():N}.html");
        File.WriteAllText(file, KernelRunPage.Render(Run()));
        try
        {
            string dom = Ltt.Testing.Chromium.DumpDom(file);
            foreach (string id in new[] { "summary", "tracepoints", "cpus", "mismatches", "modules-not-built", "notes", "problems" })
                Assert.Contains($"<table id=\"{id}\">", dom);
            Assert.Equal(3, Rows(Table(dom, "tracepoints")).Count);
            Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", dom);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ThePageBesideTheJunitFileEndsInHtml()
    {
        Assert.Equal(Path.Combine("out", "kernel-run.html"), HtmlReportPath.Beside(Path.Combine("out", "kernel-run.xml")));
        Assert.Equal("report.html.html", HtmlReportPath.Beside("report.html"));
    }

    private static string Table(string html, string id)
    {
        var m = Regex.Match(html, $@"<table id=""{id}"">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(m.Success, $"no table {id}");
        return m.Groups[1].Value;
    }

    /// <summary>The data rows (header row dropped), each cell's inner HTML with its attributes.</summary>
    private static List<string[]> Rows(string table) =>
        [.. RowPattern().Matches(table).Skip(1).Select(r => CellPattern().Matches(r.Groups[1].Value).Select(c => c.Value).ToArray())];

    private static string Value(string cell)
    {
        var m = Regex.Match(cell, @"data-value=""([^""]*)""");
        return m.Success ? m.Groups[1].Value : Text(cell);
    }

    private static string Text(string cell) => System.Net.WebUtility.HtmlDecode(Regex.Replace(cell, "<[^>]+>", ""));

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh][^>]*>.*?</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
