using Ltt.Tracepoints.Model;

namespace LttGen.Commands;

/// <summary>The readable form of a scan: one line per site, then counts per macro.</summary>
internal static class ScanTable
{
    public static void Write(ScanResult result, TextWriter output)
    {
        foreach (TracepointSite s in result.Sites)
        {
            string what = s.IsEvent ? $"{s.Fields.Count} fields" : "";
            string cls = s.Class is not null && s.Class != s.Name ? $"class {s.Class}" : "";
            string guard = s.Guard is null ? "" : $"[{s.Guard}]";
            output.WriteLine($"{s.Location,-44} {s.Macro,-22} {s.Name,-36} {s.Args.Count} args {what,-10} {cls} {guard}".TrimEnd());
        }
        foreach (MarkerSite m in result.Markers)
            output.WriteLine($"{m.Location,-44} {MacroOf(m),-22} {m.Channel}.{m.Name} \"{m.FormatText}\"");
        foreach (UnresolvedSite u in result.Unresolved)
            output.WriteLine($"{u.Location,-44} {u.Macro,-22} {u.Name,-36} UNRESOLVED: {u.Reason}");

        output.WriteLine();
        foreach (string line in MacroCount.Table(result.CountsPerMacro()))
            output.WriteLine(line);
        output.WriteLine($"{"markers",-24} {result.Markers.Count,9}");
        if (result.LeftOut.Count > 0)
        {
            output.WriteLine($"left out: {result.LeftOut.Count} headers ({result.LeftOut.Sum(h => h.Sites)} sites) that this architecture's build never compiles: " +
                string.Join(", ", result.LeftOut.GroupBy(h => h.Folder).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} {g.Count()} ({g.First().Reason})")));
        }
        output.WriteLine($"{result.Sites.Count} sites resolved, {result.Unresolved.Count} unresolved, {result.Markers.Count} markers, " +
            $"{result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} errors in {result.FilesParsed} headers");
    }

    private static string MacroOf(MarkerSite m) => m.Kind switch
    {
        MarkerSiteKind.TraceMark => "trace_mark",
        MarkerSiteKind.DefineMarker => "DEFINE_MARKER",
        _ => "DEFINE_MARKER_TP",
    };
}
