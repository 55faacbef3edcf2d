using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// <c>ltt-split series --graph FILE.svg</c>: the plan drawn by Graphviz's dot (which
/// <c>.ci/install</c> brings), one box per series and an arrow, with its reason, for each series
/// another needs; refused before any work when dot is missing.
/// </summary>
public sealed class SeriesGraphTests(SplitFixture fixture) : IClassFixture<SplitFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private string NewPath(string name) => Path.Combine(fixture.Root, Guid.NewGuid().ToString("N")[..8] + "-" + name);

    [Fact]
    public void The_plan_is_drawn_with_what_each_series_needs()
    {
        string graph = NewPath("plan.svg");
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "--graph", graph);
        Assert.True(code == 0, error);
        var rows = stdout.Split('\n').Where(l => Regex.IsMatch(l, @"^\d+\s{2,}\S")).ToList();
        Assert.Contains($"drew the {rows.Count} series and what each needs in {graph}", stdout);

        var svg = XDocument.Load(graph);
        var nodes = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "node").ToList();
        var edges = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "edge").ToList();
        Assert.Equal(rows.Count, nodes.Count);
        string Text(XElement e) => string.Join("\n", e.Descendants(Svg + "text").Select(t => t.Value));
        // Each box names its series as the table does, with its patch count.
        foreach (string row in rows)
        {
            string number = row.Split(' ')[0];
            Assert.Contains(nodes, n => Text(n).StartsWith(number + ". ", StringComparison.Ordinal) && Text(n).Contains(" patch", StringComparison.Ordinal));
        }
        // The tracer core (posted last) needs other series: its arrows say for which symbol or file.
        var labelled = edges.Select(Text).Where(t => t.StartsWith("needs", StringComparison.Ordinal)).ToList();
        int needs = rows.Sum(r => Regex.Split(r.Trim(), @"\s{2,}")[4] is var n && n != "-" ? n.Split(',').Length : 0);
        Assert.True(needs > 0, stdout);
        Assert.Equal(needs, labelled.Count);
        Assert.All(labelled, t => Assert.Matches(@"^needs: (uses \S+|both change \S+)", t));
    }

    // Starts a browser twice: seconds on a quiet machine, close to a minute on a loaded one.
    [Fact]
    [Trait("Category", "Slow")]
    public void The_graph_in_a_browser_has_one_box_per_series_and_nothing_from_outside()
    {
        string graph = NewPath("plan.svg");
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "--graph", graph);
        Assert.True(code == 0, error);
        int series = stdout.Split('\n').Count(l => Regex.IsMatch(l, @"^\d+\s{2,}\S"));
        Assert.True(series > 1, stdout);

        string dom = Chromium.DumpDom(graph);
        // Each box drawn (its outline a path) and named: "<number>. <subsystem>".
        Assert.Equal(series, Regex.Count(dom, @"<g id=""node\d+"" class=""node"">\s*<title>s\d+</title>\s*<path [^>]*\bd=""M[^""]+""[^>]*>(</path>)?\s*<text[^>]*>\d+\. "));
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", dom);

        string png = NewPath("plan.png");
        Chromium.Screenshot(graph, png, 1000, 1800);
        byte[] image = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.Take(4));
        Assert.True(image.Length > 20_000, $"screenshot of {image.Length} bytes: an empty picture");
    }

    [Fact]
    public void Without_graphviz_the_graph_is_refused_before_any_work()
    {
        string graph = NewPath("plan.svg"), output = NewPath("series");
        // A PATH without dot (dotnet itself is found through the test's own PATH).
        var (code, stdout, error) = IsolatedProcess.Run("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "ltt-split.dll"), "series", fixture.Patches, "--tree", fixture.Tree, "-o", output, "--graph", graph],
            fixture.Root, home: null, environment: new Dictionary<string, string> { ["PATH"] = Path.Combine(fixture.Root, "no-such-bin") });
        Assert.Equal(2, code);
        Assert.Contains("ltt-split: --graph", error);
        Assert.Contains("Graphviz's 'dot'", error);
        Assert.Contains("apt-get install graphviz", error);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(graph));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_graph_into_a_missing_folder_is_refused_before_any_work()
    {
        string graph = Path.Combine(NewPath("no-such-folder"), "plan.svg"), output = NewPath("series");
        var (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", output, "--graph", graph);
        Assert.Equal(2, code);
        Assert.Contains("no such folder", error);
        Assert.False(Directory.Exists(output));
    }
}
