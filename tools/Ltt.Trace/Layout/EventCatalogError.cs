namespace Ltt.Trace.Layout;

/// <summary>Why an events.json did not load: the file, the 1-based line (0: the file as a whole) and the reason.</summary>
public sealed record EventCatalogError(string File, long Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
