using Ltt.Series.Output;
using Ltt.Series.Planning;

namespace Ltt.Series;

/// <summary>Everything <see cref="SplitSession"/> needs: the input, the tree, how to plan and where to write (nothing written when <see cref="Write"/> is null).</summary>
public sealed record SplitRequest
{
    public required string Input { get; init; }
    public required string Tree { get; init; }
    public string? Maintainers { get; init; }
    public string? Repository { get; init; }
    public required string TemplatePath { get; init; }
    public PlanOptions Plan { get; init; } = new();
    public WriteOptions? Write { get; init; }
}
