using System.Globalization;
using System.Text.RegularExpressions;
using Ltt.Trace.Reader;
using Ltt.Trace.Tests.Reader;
using Ltt.Trace.Tests.Runtime;
using Ltt.Testing;
using LttTrace.Commands;

namespace Ltt.Trace.Tests.Report;

/// <summary>
/// <c>ltt-trace report</c>'s page opened in a real browser (headless chromium, network off): every chart
/// is an SVG with drawing in it, there is one timeline row per CPU, the numbers shown are <c>stats</c>'
/// numbers for the same trace, and the page refers to nothing outside itself.
/// </summary>
public sealed partial class TraceReportBrowserTests
{
    // Starts a browser twice: seconds on a quiet machine, close to a minute on a loaded one.
    [Fact]
    [Trait("Category", "Slow")]
    public void TheReportAsABrowserShowsItHasEveryChartOneRowPerCpuAndStatsNumbers()
    {
        using var dir = new TempTrace();
        CraftedStreams.Write(Path.Combine(dir.Path, "trace"), TraceProfileTests.Plans, seed: 11);
        string html = Path.Combine(dir.Path, "report.html");
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = ReportCommand.Run(Path.Combine(dir.Path, "trace"), html, output, error);

        Assert.True(exit == 0, error.ToString());
        TraceStatistics stats;
        using (var traces = TraceSet.Open(Path.Combine(dir.Path, "trace")).Traces!)
            stats = TraceStatistics.Collect(traces);
        string dom = Chromium.DumpDom(html);

        // Charts: the timeline rows and the class bars, each an SVG with lines and fills drawn in it.
        var charts = ChartBlock().Matches(dom).Select(m => (Class: m.Groups["class"].Value, Attributes: m.Groups["attributes"].Value, Body: m.Groups["body"].Value)).ToList();
        Assert.Contains(charts, c => c.Class.Contains("class-bars", StringComparison.Ordinal));
        Assert.All(charts, c => Assert.True(Regex.Count(c.Body, "<path ") >= 3, $"chart {c.Class} draws nothing"));
        var rows = charts.Where(c => c.Class.Contains("timeline-row", StringComparison.Ordinal)).ToList();
        Assert.Equal(["0", "1"], rows.Select(r => Attribute(r.Attributes, "data-cpu")));
        Assert.Equal([2, 0], rows.Select(r => int.Parse(Attribute(r.Attributes, "data-losses"), CultureInfo.InvariantCulture)));

        // Numbers: the summary and the per-class table hold what stats counts.
        var summary = Numbers(Table(dom, "summary"));
        Assert.Equal([stats.Events, stats.PerEventClass.Count, stats.PerStream.Count, (long)stats.Discarded, (long)stats.LostPackets], summary.Take(5));
        var classes = TableRows(Table(dom, "event-classes")).Select(r => (Name: CellText(r[0]), Count: long.Parse(Value(r[1]), CultureInfo.InvariantCulture)));
        Assert.Equal(stats.PerEventClass, classes.OrderBy(c => c.Name, StringComparer.Ordinal));
        var streams = TableRows(Table(dom, "streams")).Select(r => (CellText(r[0]), long.Parse(Value(r[2]), CultureInfo.InvariantCulture), long.Parse(Value(r[3]), CultureInfo.InvariantCulture)));
        Assert.Equal(stats.PerStream.Select(s => (s.Stream, s.Events, s.Packets)), streams);

        // Self-contained: no script, stylesheet, image, frame or font fetched from anywhere.
        Assert.DoesNotMatch(ExternalReference(), dom);

        // And it draws: a screenshot of the page as a person sees it.
        string png = Path.Combine(dir.Path, "report.png");
        Chromium.Screenshot(html, png, 1000, 1200);
        byte[] image = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.Take(4));
        Assert.True(image.Length > 20_000, $"screenshot of {image.Length} bytes: an empty page");
    }

    [Fact]
    public void ABadTraceOrOutputIsOneLineAndNoFile()
    {
        using var dir = new TempTrace();
        Directory.CreateDirectory(dir.Path);
        string html = Path.Combine(dir.Path, "report.html");
        var error = new StringWriter();

        Assert.Equal(2, ReportCommand.Run(Path.Combine(dir.Path, "missing"), html, TextWriter.Null, error));
        Assert.False(File.Exists(html));
        Assert.Contains("missing", error.ToString(), StringComparison.Ordinal);

        error = new StringWriter();
        Assert.Equal(2, ReportCommand.Run(dir.Path, Path.Combine(dir.Path, "no-such-folder", "r.html"), TextWriter.Null, error));
        Assert.StartsWith("ltt-trace report: -o ", error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
    }

    private static string Table(string dom, string id)
    {
        var match = Regex.Match(dom, $"<table id=\"{id}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no table {id}");
        return match.Groups[1].Value;
    }

    private static List<string[]> TableRows(string table) =>
        [.. Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Skip(1)
            .Select(row => Regex.Matches(row.Groups[1].Value, "<td[^>]*>.*?</td>", RegexOptions.Singleline).Select(c => c.Value).ToArray())];

    private static List<long> Numbers(string table) =>
        [.. TableRows(table).Single().Where(c => c.Contains("data-value", StringComparison.Ordinal)).Select(c => (long)double.Parse(Value(c), CultureInfo.InvariantCulture))];

    private static string Value(string cell) => Regex.Match(cell, "data-value=\"([^\"]*)\"").Groups[1].Value;

    private static string CellText(string cell) => System.Net.WebUtility.HtmlDecode(Regex.Replace(cell, "<[^>]*>", ""));

    private static string Attribute(string attributes, string name) => Regex.Match(attributes, $"{name}=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<div class=\"(?<class>chart[^\"]*)\"(?<attributes>[^>]*)>(?<body>.*?</svg>)\\s*</div>", RegexOptions.Singleline)]
    private static partial Regex ChartBlock();

    [GeneratedRegex("<script|<link|<iframe|<img|\\b(src|href)\\s*=\\s*\"(?!#)|url\\(\\s*['\"]?(?!#|data:)|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
