namespace Ltt.Validation.Kernel.Comparison;

/// <summary>The hits of a side that has no record of a CPU.</summary>
internal sealed class NoHits : IHitSource
{
    public static NoHits Instance { get; } = new();

    public Hit? Next() => null;
}
