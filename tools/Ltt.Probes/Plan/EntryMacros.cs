using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// The arguments of each <c>TP_STRUCT__entry</c> macro, by field name: what the layout does not
/// keep, such as a <c>__dynamic_array</c>'s length expression, a <c>__bitmask</c>'s bit count and
/// a <c>__string</c>'s source.
/// </summary>
internal static class EntryMacros
{
    /// <summary>Field name to (macro, arguments).</summary>
    public static Dictionary<string, (string Macro, IReadOnlyList<CFragment> Args)> Parse(SourceText? entry)
    {
        var result = new Dictionary<string, (string, IReadOnlyList<CFragment>)>(StringComparer.Ordinal);
        if (entry is null)
            return result;
        var tokens = entry.Tokens;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || !tokens[i + 1].Is("("))
                continue;
            int depth = 0, close = -1;
            for (int j = i + 1; j < tokens.Count; j++)
            {
                if (tokens[j].Text is "(" or "[" or "{")
                    depth++;
                else if (tokens[j].Text is ")" or "]" or "}" && --depth == 0)
                {
                    close = j;
                    break;
                }
            }
            if (close < 0)
                break;
            string macro = tokens[i].Text;
            var args = CTokens.Split(tokens.Skip(i + 2).Take(close - i - 2).ToList(), ",").Select(CFragment.Of).ToList();
            int nameAt = macro is "__string" or "__string_len" or "__bitmask" or "__cpumask" or "__vstring" or "__sockaddr"
                or "__rel_string" or "__rel_string_len" or "__rel_bitmask" or "__rel_cpumask" or "__rel_sockaddr" ? 0 : 1;
            if (nameAt < args.Count)
                result.TryAdd(args[nameAt].Text, (macro, args));
            i = close;
        }
        return result;
    }
}
