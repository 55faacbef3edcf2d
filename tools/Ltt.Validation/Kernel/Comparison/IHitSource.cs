namespace Ltt.Validation.Kernel.Comparison;

/// <summary>One side's hits of the compared tracepoints on one CPU, in recorded order.</summary>
internal interface IHitSource
{
    /// <summary>The next hit, or null at the end.</summary>
    Hit? Next();
}
