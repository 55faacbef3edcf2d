namespace Ltt.Tracepoints.Model;

/// <summary>Something the scanner could not resolve or found wrong, with where.</summary>
public sealed record ScanDiagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
