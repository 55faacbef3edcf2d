namespace Ltt.Tracepoints.Model;

/// <summary>
/// What a scan made of the sites of one macro (<c>TRACE_EVENT</c>, <c>DEFINE_EVENT</c>, ...): the table a
/// person reads to see what the tree holds and what is missing, and why.
/// </summary>
/// <param name="Resolved">Sites resolved to types and layouts, <paramref name="Forced"/> among them.</param>
/// <param name="Forced">Resolved only with CONFIG_ options forced that the configuration leaves unset
/// (<see cref="TracepointSite.ForcedConfig"/>): the configured kernel does not have them.</param>
/// <param name="Unresolved">Sites the scan found and could not resolve (each in <see cref="ScanResult.Unresolved"/> with its reason).</param>
/// <param name="LeftOut">Sites of headers the architecture's build never compiles (<see cref="ScanResult.LeftOut"/>).</param>
public sealed record MacroCount(string Macro, int Resolved, int Forced, int Unresolved, int LeftOut)
{
    /// <summary>The counts as a text table, a heading first and a total last (the scan's table and report.txt print it).</summary>
    public static IReadOnlyList<string> Table(IReadOnlyList<MacroCount> counts)
    {
        var lines = new List<string> { Row("macro", "resolved", "forced", "unresolved", "left out") };
        foreach (MacroCount c in counts)
            lines.Add(Row(c.Macro, N(c.Resolved), N(c.Forced), N(c.Unresolved), N(c.LeftOut)));
        lines.Add(Row("total", N(counts.Sum(c => c.Resolved)), N(counts.Sum(c => c.Forced)), N(counts.Sum(c => c.Unresolved)), N(counts.Sum(c => c.LeftOut))));
        return lines;
    }

    private static string Row(string macro, string resolved, string forced, string unresolved, string leftOut) =>
        $"{macro,-24} {resolved,9} {forced,7} {unresolved,11} {leftOut,9}";

    private static string N(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
