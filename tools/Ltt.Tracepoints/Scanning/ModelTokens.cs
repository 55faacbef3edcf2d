using System.Text;
using Ltt.Clang;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>libclang's tokens as the model's <see cref="CToken"/>s.</summary>
internal static class ModelTokens
{
    private const string SnippetFile = "snippet.c";

    /// <summary>
    /// The tokens, each set apart from the one before when the source put a line break or a space
    /// between them (macro expansions are placed by <see cref="FieldMacros"/> with offsets that say so).
    /// </summary>
    public static List<CToken> From(IReadOnlyList<Token> tokens, int lineShift = 0)
    {
        var result = new List<CToken>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            Token t = tokens[i];
            bool apart = false;
            if (i > 0)
            {
                Token prev = tokens[i - 1];
                apart = t.Position.Line > prev.Position.Line || prev.Position.Offset + prev.Spelling.Length != t.Position.Offset;
            }
            result.Add(new CToken(t.Spelling, Kind(t.Kind), t.Position.Line + lineShift, t.Position.Column, apart));
        }
        return result;
    }

    /// <summary>The tokens of C text, lexed by libclang as the scan lexes files; line 1 of the text is <paramref name="firstLine"/>.</summary>
    public static List<CToken> Lex(string text, int firstLine)
    {
        using var index = new ClangIndex();
        if (!FileLexer.TryLex(index, SnippetFile, Encoding.UTF8.GetBytes(text), out IReadOnlyList<Token>? tokens, out ParseError error))
            throw new InvalidOperationException($"libclang could not read C text ({error})");
        return From(tokens.Where(t => t.Kind != TokenKind.Comment).ToList(), firstLine - 1);
    }

    private static CTokenKind Kind(TokenKind kind) => kind switch
    {
        TokenKind.Keyword => CTokenKind.Keyword,
        TokenKind.Identifier => CTokenKind.Identifier,
        TokenKind.Literal => CTokenKind.Literal,
        _ => CTokenKind.Punctuation,
    };
}
