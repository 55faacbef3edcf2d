using System.Text;

namespace Ltt.Probes.Plan;

/// <summary>
/// A small C lexer for the fragments the planner reads (TP_fast_assign statements, length
/// expressions): identifiers, numbers, string and character literals, punctuators. Enough to
/// find statements and the names they use; the fragments are compiled by gcc afterwards.
/// </summary>
internal static class CLexer
{
    private static readonly string[] Punctuators =
        ["<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##"];

    public static List<CToken> Tokens(string text)
    {
        var tokens = new List<CToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                tokens.Add(new CToken(text[start..i], start, true));
            }
            else if (char.IsAsciiDigit(c) || c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                    i++;
                tokens.Add(new CToken(text[start..i], start, false));
            }
            else if (c is '"' or '\'')
            {
                for (i++; i < text.Length && text[i] != c; i++)
                {
                    if (text[i] == '\\')
                        i++;
                }
                i = Math.Min(i + 1, text.Length);
                tokens.Add(new CToken(text[start..i], start, false));
            }
            else
            {
                string? p = Punctuators.FirstOrDefault(p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0);
                i += p?.Length ?? 1;
                tokens.Add(new CToken(text[start..i], start, false));
            }
        }
        return tokens;
    }

    /// <summary>The source text the tokens span, on one line: white space runs (line breaks too) become one space.</summary>
    public static string Text(string source, IReadOnlyList<CToken> tokens)
    {
        if (tokens.Count == 0)
            return "";
        string span = source[tokens[0].Offset..(tokens[^1].Offset + tokens[^1].Text.Length)];
        var sb = new StringBuilder(span.Length);
        bool space = false;
        foreach (char c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Splits <paramref name="tokens"/> at the top-level occurrences of <paramref name="separator"/>.</summary>
    public static List<List<CToken>> Split(IReadOnlyList<CToken> tokens, string separator)
    {
        var parts = new List<List<CToken>>();
        var current = new List<CToken>();
        int depth = 0;
        foreach (CToken t in tokens)
        {
            if (t.Text is "(" or "[" or "{")
                depth++;
            else if (t.Text is ")" or "]" or "}")
                depth--;
            if (depth == 0 && t.Is(separator))
            {
                parts.Add(current);
                current = [];
                continue;
            }
            current.Add(t);
        }
        if (current.Count > 0 || parts.Count > 0)
            parts.Add(current);
        return parts;
    }
}
