using Ltt.IO;
using Ltt.Probes.Generation;

namespace Ltt.Validation.Harness;

/// <summary>What <see cref="ProbeValidation"/> did: the generation, the gcc build, the run and the comparison, as far as it got.</summary>
/// <param name="Failure">Why it stopped before comparing, or null.</param>
public sealed record ProbeValidationResult(GeneratedOutput Output, HarnessBuild? Build, ToolRun? Run, HarnessReport? Report, string? Failure)
{
    public bool Success => Failure is null && Report is { Success: true };
}
