using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Spec;

/// <summary>A parsed spec and what was wrong in it (file and line each).</summary>
public sealed record ProbeSpecParseResult(ProbeSpec Spec, IReadOnlyList<ScanDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
