namespace Ltt.Tracepoints.Model;

/// <summary>What a scan of a tree found: every site, every marker, and what could not be resolved.</summary>
public sealed record ScanResult(
    IReadOnlyList<TracepointSite> Sites,
    IReadOnlyList<MarkerSite> Markers,
    IReadOnlyList<ScanDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
