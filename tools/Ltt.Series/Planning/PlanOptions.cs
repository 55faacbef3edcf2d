namespace Ltt.Series.Planning;

/// <summary>How to cut a patchset into series; every default is here.</summary>
public sealed record PlanOptions
{
    /// <summary>Split a patch touching several subsystems into one patch per subsystem when its files separate cleanly.</summary>
    public bool SplitMixed { get; init; }

    /// <summary>Cut a series longer than this into consecutive parts (0: no limit).</summary>
    public int MaxPatches { get; init; }
}
