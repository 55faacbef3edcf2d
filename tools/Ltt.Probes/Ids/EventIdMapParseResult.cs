using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Ids;

/// <summary>A loaded id map and what was wrong in its file.</summary>
public sealed record EventIdMapParseResult(EventIdMap Map, IReadOnlyList<ScanDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
