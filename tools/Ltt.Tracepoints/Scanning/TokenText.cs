using System.Text;
using Ltt.Clang;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>Turns token runs back into source text and string literals into their values.</summary>
internal static class TokenText
{
    /// <summary>The tokens as one line of text, spaced the way the source spaced them (the model's rule: <see cref="CTokens.Join"/>).</summary>
    public static string Join(IReadOnlyList<Token> tokens) => CTokens.Join(ModelTokens.From(tokens));

    /// <summary>
    /// The value of adjacent string literals (<c>"a" "b"</c> is <c>ab</c>), with C escapes decoded;
    /// null when the tokens are not all string literals.
    /// </summary>
    public static string? StringValue(IReadOnlyList<Token> tokens)
    {
        if (tokens.Count == 0)
            return null;
        var sb = new StringBuilder();
        foreach (Token t in tokens)
        {
            if (t.Kind != TokenKind.Literal || !t.Spelling.StartsWith('"') || !t.Spelling.EndsWith('"') || t.Spelling.Length < 2)
                return null;
            if (!Unescape(t.Spelling.AsSpan(1, t.Spelling.Length - 2), sb))
                return null;
        }
        return sb.ToString();
    }

    /// <summary>The value of one C string literal's body (between the quotes).</summary>
    public static bool Unescape(ReadOnlySpan<char> body, StringBuilder sb)
    {
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= body.Length)
                return false;
            char e = body[i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'x':
                    int v = 0, n = 0;
                    while (i + 1 < body.Length && Uri.IsHexDigit(body[i + 1]))
                    {
                        v = v * 16 + Convert.ToInt32(body[++i].ToString(), 16);
                        n++;
                    }
                    if (n == 0)
                        return false;
                    sb.Append((char)v);
                    break;
                case >= '0' and <= '7':
                    int o = e - '0';
                    for (int k = 0; k < 2 && i + 1 < body.Length && body[i + 1] is >= '0' and <= '7'; k++)
                        o = o * 8 + (body[++i] - '0');
                    sb.Append((char)o);
                    break;
                default: sb.Append(e); break;
            }
        }
        return true;
    }
}
