using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Renames a class's argument names into a site's: a DEFINE_EVENT passes its arguments by
/// position to its class's TP_fast_assign, so <c>state</c> there is <c>frequency</c> in
/// <c>DEFINE_EVENT(cpu, cpu_frequency, TP_PROTO(unsigned int frequency, ...))</c>.
/// </summary>
internal static class ArgRenamer
{
    public static SourceText? Apply(SourceText? text, TracepointSite site)
    {
        if (text is null || site.AssignArgs is not { } from || from.Count != site.Args.Count)
            return text;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < from.Count; i++)
        {
            if (from[i] != site.Args[i].Name)
                map[from[i]] = site.Args[i].Name;
        }
        if (map.Count == 0)
            return text;
        var tokens = text.Tokens.ToArray();
        for (int i = 0; i < tokens.Length; i++)
        {
            bool member = i > 0 && (tokens[i - 1].Is("->") || tokens[i - 1].Is("."));
            if (tokens[i].IsWord && !member && map.TryGetValue(tokens[i].Text, out string? to))
                tokens[i] = tokens[i] with { Text = to };
        }
        return text with { Tokens = tokens };
    }
}
