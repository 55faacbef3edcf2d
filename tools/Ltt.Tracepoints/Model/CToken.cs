namespace Ltt.Tracepoints.Model;

/// <summary>
/// One C token of source the scan keeps (a <c>TP_STRUCT__entry</c> or <c>TP_fast_assign</c> body), as
/// libclang's lexer read it: its spelling, its kind, the line and column it is spelled at, and whether
/// the source set it apart from the token before (a space or a line break), which is all the text
/// between tokens says once comments are gone. Tokens a macro expands to stand at its invocation.
/// </summary>
public readonly record struct CToken(string Text, CTokenKind Kind, int Line, int Column, bool SpaceBefore)
{
    /// <summary>An identifier or a keyword: what a C name can be spelled like.</summary>
    public bool IsWord => Kind is CTokenKind.Identifier or CTokenKind.Keyword;

    public bool Is(string text) => Text == text;

    public override string ToString() => Text;
}
