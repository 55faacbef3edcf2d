namespace Ltt.Clang;

/// <summary>A range of source text between two positions of one file (the end is one past the last character).</summary>
public readonly record struct SourceSpan(SourcePosition Start, SourcePosition End)
{
    public bool Contains(SourcePosition position) =>
        position.File == Start.File && position.Offset >= Start.Offset && position.Offset < End.Offset;
}
