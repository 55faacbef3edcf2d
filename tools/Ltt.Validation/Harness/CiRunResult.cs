using Ltt.Trace.Validation;

namespace Ltt.Validation.Harness;

/// <summary>
/// What the CI run found. <see cref="Failure"/> says why it could not finish (a tool failed,
/// generation failed); <see cref="BadInput"/> says the reason is in the input (the tree has no
/// tracepoint, its spec does not parse), not in the probes being checked.
/// </summary>
public sealed record CiRunResult(
    string? Failure,
    IReadOnlyList<CiEventSummary> Events,
    IReadOnlyList<CiMismatch> Mismatches,
    ValidationReport? Validation,
    string? TracePath,
    int FieldsChecked)
{
    public bool Success => Failure is null && Mismatches.Count == 0;

    public bool BadInput { get; init; }
}
