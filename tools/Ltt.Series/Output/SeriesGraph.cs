using System.Text;
using Ltt.IO;
using Ltt.Series.Planning;
using Ltt.Series.Routing;

namespace Ltt.Series.Output;

/// <summary>
/// The plan as a picture (<c>ltt-split series --graph FILE.svg</c>): each series a box with its
/// number, subsystem, patch count and kinds and the people in To:, an arrow from a series to each
/// series it needs, labelled with what it needs (the symbols it uses, the files both change),
/// the series in posting order from left to right. Graphviz's <c>dot</c> lays it out.
/// </summary>
public static class SeriesGraph
{
    private const int MaxLabelItems = 3;

    /// <summary>The graph in Graphviz's DOT language.</summary>
    public static string Dot(SeriesPlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("digraph series {\n");
        sb.Append("\trankdir=TB;\n");
        sb.Append("\tnode [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n");
        sb.Append("\tedge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var s in plan.Series)
        {
            string patches = s.Patches.Count == 1 ? "1 patch" : $"{s.Patches.Count} patches";
            var lines = new List<string> { $"{s.Number}. {s.Name}", $"{patches} ({s.Kinds})" };
            if (s.To.Count > 0)
                lines.Add("To: " + Few(s.To.Select(Person).ToList()));
            sb.Append($"\ts{s.Number} [label={Quote(string.Join("\n", lines))}];\n");
        }
        // Posting order: an unseen arrow from each series to the next keeps them left to right.
        for (int i = 1; i < plan.Series.Count; i++)
            sb.Append($"\ts{plan.Series[i - 1].Number} -> s{plan.Series[i].Number} [style=invis];\n");
        foreach (var s in plan.Series)
        {
            foreach (int needed in s.DependsOn)
            {
                var why = s.NeedsBecause.GetValueOrDefault(needed) ?? [];
                string label = why.Count == 0 ? "needs" : "needs: " + Few(why.ToList());
                // Drawn from the needed series (posted first) with the arrowhead on it.
                sb.Append($"\ts{needed} -> s{s.Number} [dir=back, label={Quote(label)}];\n");
            }
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>
    /// Lays the graph out with <paramref name="dot"/> and writes the SVG to <paramref name="path"/>
    /// (whole or not at all); null, or why not.
    /// </summary>
    public static string? WriteSvg(SeriesPlan plan, string path, string dot = "dot")
    {
        var run = ToolRun.Start(dot, ["-Tsvg"], input: Dot(plan));
        if (run.NotStarted)
            return MissingDot(dot);
        if (!run.Success)
            return $"{path}: {dot} -Tsvg failed: {run.Error.Trim()}";
        return AtomicFile.Write(path, run.Output);
    }

    /// <summary>Null when <paramref name="dot"/> runs; otherwise the message for a user who asked for a graph.</summary>
    public static string? CheckDot(string dot = "dot") =>
        ToolRun.Start(dot, ["-V"]).NotStarted ? MissingDot(dot) : null;

    private static string MissingDot(string dot) =>
        $"--graph needs Graphviz's '{dot}' to lay the graph out, and it is not installed (Debian: apt-get install graphviz)";

    /// <summary>The name of "Name &lt;address&gt;", or the address when there is no name.</summary>
    private static string Person(string formatted) =>
        EmailFormat.Parse(formatted) is var (name, address) && name.Length > 0 ? name : address;

    private static string Few(IReadOnlyList<string> items) =>
        items.Count <= MaxLabelItems ? string.Join(", ", items)
            : string.Join(", ", items.Take(MaxLabelItems)) + $" and {items.Count - MaxLabelItems} more";

    /// <summary>A DOT string: quotes and backslashes escaped, line breaks as DOT's centred <c>\n</c>.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
