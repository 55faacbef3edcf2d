using System.Text;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Splits the source text of a <c>TP_printk("format", args...)</c> into the format (string literals
/// joined and unescaped) and the arguments as source text.
/// </summary>
internal static class PrintText
{
    public static (string? Format, string? Args) Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null);
        string t = text.Trim();
        const string Head = "TP_printk";
        if (t.StartsWith(Head, StringComparison.Ordinal))
        {
            int open = t.IndexOf('(');
            if (open < 0 || !t.EndsWith(')'))
                return (t, null);
            t = t[(open + 1)..^1].Trim();
        }
        // Adjacent string literals at the start form the format.
        var format = new StringBuilder();
        int i = 0;
        bool any = false;
        while (i < t.Length)
        {
            while (i < t.Length && char.IsWhiteSpace(t[i]))
                i++;
            if (i >= t.Length || t[i] != '"')
                break;
            int start = ++i;
            while (i < t.Length && t[i] != '"')
                i += t[i] == '\\' ? 2 : 1;
            if (i >= t.Length)
                return (t, null);
            if (!TokenText.Unescape(t.AsSpan(start, i - start), format))
                return (t, null);
            i++;
            any = true;
        }
        if (!any)
        {
            // The format is a macro or an expression: keep the first argument as written.
            int comma = TopLevelComma(t, 0);
            return comma < 0 ? (t, null) : (t[..comma].Trim(), t[(comma + 1)..].Trim());
        }
        while (i < t.Length && char.IsWhiteSpace(t[i]))
            i++;
        string? args = i < t.Length && t[i] == ',' ? t[(i + 1)..].Trim() : null;
        return (format.ToString(), string.IsNullOrEmpty(args) ? null : args);
    }

    private static int TopLevelComma(string t, int from)
    {
        int depth = 0;
        for (int i = from; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '"' || c == '\'')
            {
                char q = c;
                for (i++; i < t.Length && t[i] != q; i++)
                {
                    if (t[i] == '\\')
                        i++;
                }
            }
            else if (c is '(' or '[' or '{')
                depth++;
            else if (c is ')' or ']' or '}')
                depth--;
            else if (c == ',' && depth == 0)
                return i;
        }
        return -1;
    }
}
