using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>The outcome of validating a trace: every pass run, what each found, and how much was checked.</summary>
public sealed record ValidationReport(
    string Trace,
    IReadOnlyList<(string Name, string Description, IReadOnlyList<TraceDiagnostic> Findings)> Passes,
    long Events,
    long Packets)
{
    public bool Passed => Passes.All(p => p.Findings.Count == 0);

    public IEnumerable<TraceDiagnostic> Findings => Passes.SelectMany(p => p.Findings);
}
