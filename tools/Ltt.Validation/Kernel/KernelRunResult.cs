namespace Ltt.Validation.Kernel;

/// <summary>
/// What a kernel run found. <see cref="BadInput"/> is a run that could not start (a missing
/// kernel, headers of another release, no QEMU): <see cref="Problems"/> holds the one reason.
/// Otherwise every problem (a built module that does not load, a guest that did not finish, a
/// mismatch, a loss) is a line of <see cref="Problems"/>, and the run passed when there is none.
/// Modules kbuild could not build are counted and named in <see cref="Notes"/>: what was built is judged.
/// </summary>
public sealed record KernelRunResult(
    bool BadInput,
    IReadOnlyList<string> Problems,
    KernelRunCounters Counters,
    ProbeBuildResult? Build,
    GuestReport? Guest,
    IReadOnlyList<string> Notes,
    TimeSpan Elapsed)
{
    /// <summary>The hit-for-hit comparison with ftrace, when the run got that far.</summary>
    public Comparison.ComparisonReport? Comparison { get; init; }

    public bool Passed => !BadInput && Problems.Count == 0;
}
