using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Recognises a TP_fast_assign expression that is a value path: <c>arg</c>, <c>arg-&gt;m</c>,
/// <c>arg-&gt;m.n</c>, in parentheses or not, under a cast to the entry field's own type (a cast
/// to another type changes the value, so it is left to the probe to evaluate as written).
/// </summary>
internal static class SourcePath
{
    public static bool TryGet(CFragment expression, EventField entry, out string path)
    {
        path = "";
        var tokens = expression.Tokens.ToList();
        while (true)
        {
            if (tokens.Count >= 2 && tokens[0].Is("(") && CloseAt(tokens, 0) == tokens.Count - 1)
            {
                tokens = tokens.GetRange(1, tokens.Count - 2);
                continue;
            }
            int close = tokens.Count > 0 && tokens[0].Is("(") ? CloseAt(tokens, 0) : -1;
            if (close > 1 && close < tokens.Count - 1 && IsTypeName(tokens.GetRange(1, close - 1)))
            {
                string cast = string.Join(' ', tokens.GetRange(1, close - 1).Select(t => t.Text)).Replace(" *", "*");
                if (cast != Normal(entry.TypeSpelling) && cast != Normal(CTypes.Unqualified(entry.Type.Canonical)))
                    return false;
                tokens = tokens.GetRange(close + 1, tokens.Count - close - 1);
                continue;
            }
            break;
        }
        if (tokens.Count == 0 || !tokens[0].IsWord || tokens.Count % 2 == 0)
            return false;
        for (int i = 1; i < tokens.Count; i += 2)
        {
            if (!(tokens[i].Is("->") || tokens[i].Is(".")) || !tokens[i + 1].IsWord)
                return false;
        }
        path = string.Concat(tokens.Select(t => t.Text));
        return true;
    }

    private static string Normal(string spelling) => string.Join(' ', spelling.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" *", "*");

    private static readonly HashSet<string> TypeWords = new(StringComparer.Ordinal)
    {
        "const", "volatile", "unsigned", "signed", "char", "short", "int", "long", "struct", "union", "enum", "_Bool", "bool", "void",
    };

    /// <summary>Whether the tokens can only be a type name: words (no operators but '*'), none of them an argument-like expression.</summary>
    private static bool IsTypeName(List<CToken> tokens) =>
        tokens.Count > 0 && tokens.All(t => t.IsWord || t.Is("*")) &&
        (tokens.Count > 1 || TypeWords.Contains(tokens[0].Text) || tokens[0].Text.EndsWith("_t", StringComparison.Ordinal) ||
         tokens[0].Text is "u8" or "u16" or "u32" or "u64" or "s8" or "s16" or "s32" or "s64" or "__u8" or "__u16" or "__u32" or "__u64" or "__s8" or "__s16" or "__s32" or "__s64");

    private static int CloseAt(List<CToken> tokens, int open)
    {
        int depth = 0;
        for (int i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Is("("))
                depth++;
            else if (tokens[i].Is(")") && --depth == 0)
                return i;
        }
        return -1;
    }
}
