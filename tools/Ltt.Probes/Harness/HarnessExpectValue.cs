namespace Ltt.Probes.Harness;

/// <summary>
/// One value an <see cref="HarnessExpect"/> function records: the C expression holding it and what
/// says its size: a string's length up to <see cref="Max"/> characters, an array's <c>sizeof</c>,
/// a sequence's <see cref="Count"/> elements of <see cref="ElementType"/>, a scalar's <c>sizeof</c>.
/// </summary>
internal sealed record HarnessExpectValue(string Name, string Value)
{
    public bool IsString { get; init; }

    public bool IsArray { get; init; }

    public bool IsSequence { get; init; }

    public int Max { get; init; }

    public string? Count { get; init; }

    public string? ElementType { get; init; }
}
