using Ltt.Trace.Validation;

namespace Ltt.Validation.Reports;

/// <summary>A validation report as JUnit cases: one per pass, failing with the pass's findings.</summary>
public static class ValidationJunit
{
    public static string Render(ValidationReport report, string suite = "ltt-trace validate") =>
        JunitWriter.Render(suite, [.. report.Passes.Select(p => new JunitCase(report.Trace, p.Name)
        {
            Failures = [.. p.Findings.Select(f => f.ToString())],
            FailureMessage = p.Findings.Count > 0 ? $"{p.Findings.Count} problem(s): {p.Findings[0]}" : null,
        })]);
}
