namespace Ltt.Tracepoints.Markers;

/// <summary>
/// One field of a marker format string: <c>name %ctype</c>, <c>name #tracetype %ctype</c>, or an
/// array or sequence <c>name #tracetype[N] %ctype</c> / <c>name #tracetype[] %ctype</c>.
/// <see cref="Conversion"/> is the printf conversion without the '%' (<c>ld</c>, <c>s</c>, <c>llu</c>);
/// for an array or a sequence, sizes, signedness and conversion are those of one element.
/// </summary>
public sealed record MarkerField(string Name, TraceType? TraceType, string Conversion, MarkerArray? Array = null)
{
    private char Specifier => Conversion[^1];

    private string LengthModifier
    {
        get
        {
            int start = 0;
            while (start < Conversion.Length && "-+ #0123456789.".Contains(Conversion[start]))
                start++;
            return Conversion[start..^1];
        }
    }

    public bool IsString => Specifier == 's';

    public bool IsPointer => Specifier == 'p';

    /// <summary>Whether the C value passed is signed (from the conversion).</summary>
    public bool CSigned => Specifier is 'd' or 'i';

    /// <summary>The size of the C value passed, for <paramref name="abi"/>; 0 for strings.</summary>
    public int CSize(TargetAbi abi)
    {
        if (IsString)
            return 0;
        if (IsPointer)
            return abi.PointerSize;
        if (Specifier == 'c')
            return 1;
        return LengthModifier switch
        {
            "hh" => 1,
            "h" => 2,
            "" => 4,
            "l" => abi.LongSize,
            "ll" or "L" or "q" or "j" => 8,
            "z" or "Z" or "t" => abi.PointerSize,
            _ => 4,
        };
    }

    /// <summary>Bytes recorded in the trace: the trace type's size if given, else the C type's own.</summary>
    public int RecordedSize(TargetAbi abi) => TraceType?.Size ?? CSize(abi);

    /// <summary>Whether the recorded integer is signed.</summary>
    public bool RecordedSigned => TraceType?.Signed ?? CSigned;

    /// <summary>Alignment in the trace: natural, capped at the pointer size; 1 in a packed channel.</summary>
    public int RecordedAlignment(TargetAbi abi, bool packed)
    {
        if (packed || IsString)
            return 1;
        return Math.Min(RecordedSize(abi), abi.PointerSize);
    }

    public bool IsArray => Array is { IsSequence: false };

    public bool IsSequence => Array is { IsSequence: true };

    public override string ToString() => Array is not null
        ? $"{Name} {TraceType}{Array} %{Conversion}"
        : TraceType is null ? $"{Name} %{Conversion}" : $"{Name} {TraceType}%{Conversion}";
}
