namespace Ltt.Tracepoints.Model;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
