namespace Ltt.Trace.Reader.Metadata;

/// <summary>A fixed-length array.</summary>
public sealed class CtfArrayType(CtfType element, long length) : CtfType
{
    public CtfType Element { get; } = element;

    public long Length { get; } = length;

    public override int AlignmentBits => Element.AlignmentBits;
}
