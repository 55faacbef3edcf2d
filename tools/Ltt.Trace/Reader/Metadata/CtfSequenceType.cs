namespace Ltt.Trace.Reader.Metadata;

/// <summary>A variable-length array whose length is an earlier integer field named by a path.</summary>
public sealed class CtfSequenceType(CtfType element, string lengthPath) : CtfType
{
    public CtfType Element { get; } = element;

    public string LengthPath { get; } = lengthPath;

    public override int AlignmentBits => Element.AlignmentBits;
}
