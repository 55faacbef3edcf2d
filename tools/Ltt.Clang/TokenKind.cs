namespace Ltt.Clang;

/// <summary>The lexical class of a token (values of <c>CXTokenKind</c>).</summary>
public enum TokenKind
{
    Punctuation = 0,
    Keyword = 1,
    Identifier = 2,
    Literal = 3,
    Comment = 4,
}
