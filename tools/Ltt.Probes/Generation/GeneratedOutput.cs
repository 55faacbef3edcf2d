using Ltt.Probes.Harness;
using Ltt.Probes.Plan;
using Ltt.Probes.Rendering;
using Ltt.Trace.Layout;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Generation;

/// <summary>
/// What one generation produced, in memory: every file by its path relative to the output
/// folder ('/' separators, sorted), the plan, the catalog, the harness plan (for targets that
/// have one), and every diagnostic of the scan, the spec, the id map, the plan and the templates.
/// </summary>
public sealed record GeneratedOutput(
    IReadOnlyDictionary<string, string> Files,
    ProbePlan? Plan,
    EventCatalog? Catalog,
    HarnessPlan? Harness,
    IReadOnlyList<ScanDiagnostic> Diagnostics,
    IReadOnlyList<TemplateDiagnostic> TemplateErrors)
{
    public bool HasErrors => TemplateErrors.Count > 0 || Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
