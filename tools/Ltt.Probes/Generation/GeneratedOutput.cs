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
    /// <summary>
    /// What the generation left out and why (null when it stopped before planning): its
    /// <see cref="GenerationReport.TreeErrors"/> are errors of the tree's own headers, which skip
    /// sites but do not stop the generation.
    /// </summary>
    public GenerationReport? Report { get; init; }

    /// <summary>True when nothing can be written: a bad template, spec, id map or scan request, or a spec entry that does not fit.</summary>
    public bool HasErrors => TemplateErrors.Count > 0 ||
        Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && (Report is null || !Report.TreeErrors.Contains(d)));

    /// <summary>True when sites of the build were skipped (see <see cref="Report"/>).</summary>
    public bool HasSkipped => Report?.HasSkipped ?? false;
}
