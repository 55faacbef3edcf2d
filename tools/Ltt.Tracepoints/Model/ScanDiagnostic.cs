namespace Ltt.Tracepoints.Model;

/// <summary>Something the scanner could not resolve or found wrong, with where.</summary>
public sealed record ScanDiagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    /// <summary>
    /// True for a mistake in what the scan was asked (a tree, build folder or path that is not
    /// there or cannot be read, an unknown architecture): nothing can be trusted then. False for
    /// what the tree's own files say (a header that does not compile, a site that does not
    /// resolve), which leaves the rest of the tree usable.
    /// </summary>
    public bool IsInputError { get; init; }

    public override string ToString() => $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
