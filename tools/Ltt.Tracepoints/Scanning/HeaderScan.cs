using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>What parsing one header gave: its resolved sites, the ones it could not resolve, and diagnostics.</summary>
/// <param name="InactiveLines">Lines of sites inside preprocessor branches this configuration leaves out.</param>
internal sealed record HeaderScan(
    IReadOnlyList<TracepointSite> Sites,
    IReadOnlyList<UnresolvedSite> Unresolved,
    IReadOnlyList<ScanDiagnostic> Diagnostics,
    bool HadErrors,
    IReadOnlyList<int> InactiveLines)
{
    /// <summary>
    /// This scan, made with the options its instantiating .c needs forced on: every site carries them, with a
    /// warning saying the configuration does not compile it.
    /// </summary>
    public HeaderScan WithForcedContext(IReadOnlyList<string> forced)
    {
        var notes = Sites.Select(s => new ScanDiagnostic(DiagnosticSeverity.Warning, s.Location,
            $"{s.Macro}({s.Name}): resolved with {string.Join(", ", forced.Select(f => f + "=y"))} forced: its instantiating file needs them, not set in this configuration"));
        return this with { Sites = Sites.Select(s => s with { ForcedConfig = forced }).ToList(), Diagnostics = [.. Diagnostics, .. notes] };
    }

    /// <summary>
    /// This scan with the inactive sites another parse resolved (with their CONFIG_ options forced on)
    /// moved from unresolved to resolved, each with a warning saying which options it needed.
    /// </summary>
    public HeaderScan WithRecovered(IReadOnlyList<TracepointSite> recovered, IReadOnlyList<string> forced)
    {
        var lines = recovered.Select(s => s.Location.Line).ToHashSet();
        var notes = recovered.Select(s => new ScanDiagnostic(DiagnosticSeverity.Warning, s.Location,
            $"{s.Macro}({s.Name}): resolved with {string.Join(", ", forced.Select(f => f + "=y"))} forced: not set in this configuration"));
        return this with
        {
            Sites = [.. Sites, .. recovered.Select(s => s with { ForcedConfig = forced })],
            Unresolved = Unresolved.Where(u => !lines.Contains(u.Location.Line)).ToList(),
            Diagnostics = [.. Diagnostics.Where(d => !(lines.Contains(d.Location.Line) && d.Severity == DiagnosticSeverity.Warning)), .. notes],
            InactiveLines = InactiveLines.Where(l => !lines.Contains(l)).ToList(),
        };
    }
}
