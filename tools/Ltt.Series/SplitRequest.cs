using Ltt.Series.Output;
using Ltt.Series.Planning;

namespace Ltt.Series;

/// <summary>Everything <see cref="SplitSession"/> needs: the input, the tree, how to plan and where to write (nothing written when <see cref="Write"/> is null).</summary>
public sealed record SplitRequest
{
    public required string Input { get; init; }
    public required string Tree { get; init; }
    /// <summary>A MAINTAINERS file on disk to route with, instead of the tree's (or the range commit's) own.</summary>
    public string? Maintainers { get; init; }

    /// <summary>For a git range: the commit whose MAINTAINERS, directories and .mailmap route ("base", "tip" or a revision; default the tip).</summary>
    public string? MaintainersAt { get; init; }

    public string? Repository { get; init; }

    /// <summary>The folder written for the previous version: the plan is read against it (<see cref="Planning.SeriesPlan.History"/>) and the cover letters say what changed.</summary>
    public string? Previous { get; init; }
    public required string TemplatePath { get; init; }
    public PlanOptions Plan { get; init; } = new();
    public WriteOptions? Write { get; init; }
}
