using System.Text;

namespace Ltt.Tracepoints.Model;

/// <summary>What readers of <see cref="CToken"/> runs share: their text, and their split at top-level separators.</summary>
public static class CTokens
{
    /// <summary>The tokens as one line of text: one space where the source set two apart (a line break too).</summary>
    public static string Join(IReadOnlyList<CToken> tokens)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && tokens[i].SpaceBefore)
                sb.Append(' ');
            sb.Append(tokens[i].Text);
        }
        return sb.ToString();
    }

    /// <summary>Splits <paramref name="tokens"/> at the occurrences of <paramref name="separator"/> outside brackets.</summary>
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
