namespace Ltt.Tracepoints.Markers;

/// <summary>
/// The <c>[N]</c> or <c>[]</c> after a field's trace type: a fixed array of <see cref="Length"/>
/// elements, or (<see cref="Length"/> null) a sequence, recorded as a 32-bit unsigned element
/// count aligned on 4 bytes followed by that many elements.
/// </summary>
public sealed record MarkerArray(int? Length)
{
    /// <summary>The most elements a fixed array may declare.</summary>
    public const int MaxLength = 65535;

    /// <summary>Bytes of the element count that precedes a sequence's elements.</summary>
    public const int CountSize = 4;

    public bool IsSequence => Length is null;

    public override string ToString() => Length is { } n ? $"[{n}]" : "[]";
}
