namespace Ltt.Series.Patches;

/// <summary>The patches read from one input, in order, and what was wrong with the input.</summary>
public sealed record PatchSet(IReadOnlyList<Patch> Patches, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Count > 0;

    /// <summary>The base commit named by the input (a git range's base, or a base-commit: trailer).</summary>
    public string? BaseCommit { get; init; }

    /// <summary>The repository a git range was read from; null for patch files and mboxes.</summary>
    public string? Repository { get; init; }

    /// <summary>The tip commit of a git range.</summary>
    public string? TipCommit { get; init; }
}
