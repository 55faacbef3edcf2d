namespace Ltt.Trace.Reader.Metadata;

/// <summary>A NUL-terminated string, byte aligned.</summary>
public sealed class CtfStringType(CtfEncoding encoding) : CtfType
{
    public CtfEncoding Encoding { get; } = encoding;

    public override int AlignmentBits => 8;
}
