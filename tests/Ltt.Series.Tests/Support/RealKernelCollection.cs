namespace Ltt.Series.Tests.Support;

/// <summary>The test classes that share one <see cref="RealKernel"/> (its patch series is built once for them all).</summary>
[CollectionDefinition(Name)]
public sealed class RealKernelCollection : ICollectionFixture<RealKernel>
{
    public const string Name = "real kernel";
}
