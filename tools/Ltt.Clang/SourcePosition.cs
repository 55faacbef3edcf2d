namespace Ltt.Clang;

/// <summary>A place in a source file: full path as libclang names it, 1-based line and column, 0-based byte offset.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column, int Offset)
{
    public bool IsValid => File.Length > 0 && Line > 0;

    public override string ToString() => $"{File}:{Line}:{Column}";
}
