using System.Text;

namespace Ltt.Trace.Reader.Metadata;

/// <summary>Splits TSDL text into tokens; comments are skipped, errors carry the line.</summary>
internal static class TsdlLexer
{
    private static readonly string[] MultiCharPuncts = [":=", "...", "->"];

    public static List<TsdlToken> Tokenize(string text, List<TraceDiagnostic> diagnostics, string file)
    {
        var tokens = new List<TsdlToken>();
        int line = 1;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    diagnostics.Add(new TraceDiagnostic("metadata", file, "unterminated comment", line));
                    break;
                }
                line += Count(text, i, end, '\n');
                i = end + 2;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                    i++;
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                tokens.Add(new TsdlToken(TsdlTokenKind.Identifier, text[start..i], line));
                continue;
            }
            if (char.IsDigit(c))
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                tokens.Add(new TsdlToken(TsdlTokenKind.Number, text[start..i], line));
                continue;
            }
            if (c == '"' || c == '\'')
            {
                int startLine = line;
                var value = new StringBuilder();
                i++;
                bool closed = false;
                while (i < text.Length)
                {
                    char s = text[i];
                    if (s == c)
                    {
                        closed = true;
                        i++;
                        break;
                    }
                    if (s == '\n')
                        line++;
                    if (s == '\\' && i + 1 < text.Length)
                    {
                        i++;
                        value.Append(text[i] switch
                        {
                            'n' => '\n',
                            't' => '\t',
                            'r' => '\r',
                            '0' => '\0',
                            'a' => '\a',
                            'b' => '\b',
                            'f' => '\f',
                            'v' => '\v',
                            var other => other,
                        });
                        i++;
                        continue;
                    }
                    value.Append(s);
                    i++;
                }
                if (!closed)
                {
                    diagnostics.Add(new TraceDiagnostic("metadata", file, "unterminated string literal", startLine));
                    break;
                }
                tokens.Add(new TsdlToken(TsdlTokenKind.String, value.ToString(), startLine));
                continue;
            }
            string? multi = MultiCharPuncts.FirstOrDefault(p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0);
            if (multi is not null)
            {
                tokens.Add(new TsdlToken(TsdlTokenKind.Punct, multi, line));
                i += multi.Length;
                continue;
            }
            if ("{}[]()<>;:=,.+-*".Contains(c))
            {
                tokens.Add(new TsdlToken(TsdlTokenKind.Punct, c.ToString(), line));
                i++;
                continue;
            }
            diagnostics.Add(new TraceDiagnostic("metadata", file, $"unexpected character '{Printable(c)}'", line));
            i++;
        }
        tokens.Add(new TsdlToken(TsdlTokenKind.End, "", line));
        return tokens;
    }

    private static string Printable(char c) => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString();

    private static int Count(string text, int from, int to, char c)
    {
        int n = 0;
        for (int k = from; k < to; k++)
        {
            if (text[k] == c)
                n++;
        }
        return n;
    }
}
