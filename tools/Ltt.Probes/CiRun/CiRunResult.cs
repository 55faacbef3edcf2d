using Ltt.Trace.Validation;

namespace Ltt.Probes.CiRun;

/// <summary>What the CI run found. <see cref="Failure"/> says why it could not finish (a tool failed, generation failed).</summary>
public sealed record CiRunResult(
    string? Failure,
    IReadOnlyList<CiEventSummary> Events,
    IReadOnlyList<CiMismatch> Mismatches,
    ValidationReport? Validation,
    string? TracePath,
    int FieldsChecked)
{
    public bool Success => Failure is null && Mismatches.Count == 0;
}
