namespace Ltt.Series;

/// <summary>
/// A problem found in user input (a patch, an mbox, MAINTAINERS, a git range), with the file
/// and the 1-based line it was found on (0 when the problem is about the file as a whole).
/// </summary>
public sealed record Diagnostic(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
