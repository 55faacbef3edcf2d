using Ltt.Series.Planning;

namespace Ltt.Series.Reroll;

/// <summary>A planned patch and what it was in the previous posting (null when new).</summary>
public sealed record PatchHistory(PlannedPatch Patch, PatchChange Change, PreviousPatch? Previous, PreviousSeries? PreviousSeries)
{
    /// <summary>The short tag the plan and cover letters show: "unchanged", "changed", "moved", "added".</summary>
    public string Tag => Change.ToString().ToLowerInvariant();
}
