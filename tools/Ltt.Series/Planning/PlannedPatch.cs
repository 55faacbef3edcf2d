using Ltt.Series.Kinds;
using Ltt.Series.Patches;
using Ltt.Series.Routing;

namespace Ltt.Series.Planning;

/// <summary>
/// A patch as it will be sent: the input patch (or the part of a mixed patch that belongs to
/// one subsystem), its position in the input, its route and the sections owning its files.
/// </summary>
public sealed record PlannedPatch(Patch Patch, int InputIndex, PatchRoute Route, IReadOnlyList<string> OwningSections)
{
    /// <summary>Set when this patch is one part of a mixed input patch split per subsystem.</summary>
    public string? SplitFrom { get; init; }

    /// <summary>Indexes (in the plan's patch list) of the patches this one needs applied first.</summary>
    public IReadOnlyList<int> DependsOn { get; init; } = [];

    public string? DependencyReason { get; init; }

    /// <summary>New code, instrumentation or infrastructure change, and why (<see cref="PatchClassifier"/>).</summary>
    public KindVerdict Kind { get; init; } = new(PatchKind.NewCode, "");
}
