namespace Ltt.Trace.Reader.Metadata;

/// <summary>An enumeration over an integer container; ranges are inclusive.</summary>
public sealed class CtfEnumType(CtfIntegerType container, IReadOnlyList<CtfEnumMapping> mappings) : CtfType
{
    public CtfIntegerType Container { get; } = container;

    public IReadOnlyList<CtfEnumMapping> Mappings { get; } = mappings;

    public override int AlignmentBits => Container.AlignmentBits;

    /// <summary>True when the value falls in one of the ranges.</summary>
    public bool Contains(ulong raw)
    {
        foreach (var m in Mappings)
        {
            if (Matches(m, raw))
                return true;
        }
        return false;
    }

    /// <summary>True when the mapping covers the raw value, compared signed or unsigned like the container.</summary>
    public bool Matches(CtfEnumMapping mapping, ulong raw) => Container.Signed
        ? (long)raw >= mapping.Lower && (long)raw <= mapping.Upper
        : raw >= (ulong)mapping.Lower && raw <= (ulong)mapping.Upper;
}
