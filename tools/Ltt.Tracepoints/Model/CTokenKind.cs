namespace Ltt.Tracepoints.Model;

/// <summary>The lexical class of a <see cref="CToken"/>, as libclang's lexer gives it.</summary>
public enum CTokenKind
{
    Punctuation,
    Keyword,
    Identifier,
    Literal,
}
