using Ltt.Trace.Reader;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>What a comparison produced: the report, or (bad input: a trace that does not open) the diagnostics naming file and line or byte offset.</summary>
public sealed record ComparisonResult(ComparisonReport? Report, IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    public bool HasErrors => Report is null;
}
