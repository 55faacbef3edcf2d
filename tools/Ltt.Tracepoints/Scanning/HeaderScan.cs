using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>What parsing one header gave: its resolved sites, the ones it could not resolve, and diagnostics.</summary>
internal sealed record HeaderScan(
    IReadOnlyList<TracepointSite> Sites,
    IReadOnlyList<UnresolvedSite> Unresolved,
    IReadOnlyList<ScanDiagnostic> Diagnostics,
    bool HadErrors);
