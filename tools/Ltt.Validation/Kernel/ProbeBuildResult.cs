using Ltt.Probes.Generation;

namespace Ltt.Validation.Kernel;

/// <summary>
/// The generated probes and what kbuild made of them: <see cref="Built"/> are the probe modules
/// with a <c>.ko</c> (the recorder apart), <see cref="Failed"/> the others with why.
/// <see cref="Failure"/> is set when nothing can go on (no recorder, nothing generated).
/// </summary>
public sealed record ProbeBuildResult(
    GeneratedOutput? Output,
    string ProbesFolder,
    IReadOnlyList<string> Built,
    IReadOnlyList<ModuleBuildFailure> Failed,
    string? Failure)
{
    /// <summary>Events left out so that their module links: each probe called a function the kernel does not export.</summary>
    public IReadOnlyList<DroppedEvent> Dropped { get; init; } = [];

    /// <summary>Why the run has no kprobes, when it has none (no spec, no source tree to find their functions in).</summary>
    public string? KprobesLeftOut { get; init; }

    /// <summary>The spec's kprobes that could not be generated, each with its line and reason.</summary>
    public IReadOnlyList<string> KprobeErrors { get; init; } = [];
}
