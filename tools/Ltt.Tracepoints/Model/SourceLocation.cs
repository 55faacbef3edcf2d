namespace Ltt.Tracepoints.Model;

/// <summary>A place in the scanned tree. <see cref="File"/> is relative to the tree root, with '/' separators.</summary>
public sealed record SourceLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
}
