namespace Ltt.Clang;

/// <summary>A message from the C front end with where it points.</summary>
public sealed record ClangDiagnostic(ClangSeverity Severity, SourcePosition Position, string Message)
{
    public bool IsError => Severity >= ClangSeverity.Error;

    public override string ToString() => $"{Position}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
