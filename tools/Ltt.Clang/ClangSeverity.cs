namespace Ltt.Clang;

/// <summary>The severity of a libclang diagnostic (values of <c>CXDiagnosticSeverity</c>).</summary>
public enum ClangSeverity
{
    Ignored = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}
