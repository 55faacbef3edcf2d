using Ltt.Probes.Plan;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Metadata;

/// <summary>
/// Every marker of a tree: the <c>trace_mark()</c> calls and <c>DEFINE_MARKER*</c> lines it
/// has, and the markers ltt-gen generates for its tracepoints; and every name used with two
/// formats (compared parsed, so spacing does not count).
/// </summary>
public sealed record MarkerTable(IReadOnlyList<MarkerEntry> Markers, IReadOnlyList<MarkerConflict> Conflicts)
{
    public static MarkerTable Build(ScanResult scan, ProbePlan? plan)
    {
        var entries = new List<MarkerEntry>();
        foreach (var site in scan.Markers)
        {
            var origin = site.Kind switch
            {
                MarkerSiteKind.DefineMarker => MarkerOrigin.DefineMarker,
                MarkerSiteKind.DefineMarkerTp => MarkerOrigin.DefineMarkerTp,
                _ => MarkerOrigin.TraceMark,
            };
            entries.Add(new MarkerEntry(site.Channel, site.Name, site.Format.ToString(), origin, site.Location));
        }
        foreach (var e in plan?.Events ?? [])
            entries.Add(new MarkerEntry(e.Channel, e.Marker, e.FormatText, MarkerOrigin.Generated, e.Site.Location));

        var sorted = entries
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .ThenBy(e => e.Origin)
            .ThenBy(e => e.Location.File, StringComparer.Ordinal)
            .ThenBy(e => e.Location.Line)
            .ToList();
        var conflicts = new List<MarkerConflict>();
        foreach (var group in sorted.GroupBy(e => e.FullName, StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                if (!SameFormat(first.Format, other.Format))
                    conflicts.Add(new MarkerConflict(first, other));
            }
        }
        return new MarkerTable(sorted, conflicts);
    }

    private static bool SameFormat(string a, string b) =>
        MarkerFormat.TryParse(a, out var fa, out _) && MarkerFormat.TryParse(b, out var fb, out _) ? fa.Equals(fb) : a == b;
}
