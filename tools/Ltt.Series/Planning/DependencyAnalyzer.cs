using System.Text.RegularExpressions;
using Ltt.Series.Patches;

namespace Ltt.Series.Planning;

/// <summary>
/// Finds what a patch needs from earlier patches: a file an earlier patch touched or created
/// (its lines moved, or it did not exist before), or a symbol an earlier patch defined in its
/// added lines (a function, variable, macro, struct, enum, tracepoint or exported symbol) that this
/// patch's added lines use. Dependencies only point back in the input order.
/// </summary>
public static partial class DependencyAnalyzer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "else", "for", "while", "do", "switch", "case", "return", "sizeof", "struct", "union", "enum",
        "static", "const", "void", "int", "long", "char", "short", "unsigned", "signed", "inline", "extern",
        "define", "include", "ifdef", "ifndef", "endif", "typedef", "break", "continue", "goto", "default",
    };

    private const string SharedFileTail = " with", UsedSymbolTail = ", defined by";

    /// <summary>A reason without the words that lead to the earlier patch's name: "uses foo", "both change x.c".</summary>
    public static string Subject(string reason) =>
        reason.EndsWith(UsedSymbolTail, StringComparison.Ordinal) ? reason[..^UsedSymbolTail.Length]
        : reason.EndsWith(SharedFileTail, StringComparison.Ordinal) ? reason[..^SharedFileTail.Length]
        : reason;

    /// <summary>For every patch, the earlier patches it depends on and a short reason for each, to be followed by the earlier patch's name ("uses foo, defined by", "both change x.c with").</summary>
    public static IReadOnlyList<IReadOnlyList<(int Index, string Reason)>> Analyze(IReadOnlyList<Patch> patches)
    {
        var result = new List<IReadOnlyList<(int, string)>>();
        var fileOwners = new Dictionary<string, int>(StringComparer.Ordinal);
        var symbolOwners = new Dictionary<string, int>(StringComparer.Ordinal);
        // A name already present in the code the patches show as context or remove existed
        // before the series: using it is no dependency on the patch that also mentions it.
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in patches.SelectMany(p => p.Diffs).SelectMany(d => d.Hunks).SelectMany(h => h.Lines))
        {
            if (line.Length > 0 && line[0] is ' ' or '-')
                foreach (Match m in Identifier().Matches(line))
                    existing.Add(m.Value);
        }
        for (int i = 0; i < patches.Count; i++)
        {
            var deps = new Dictionary<int, string>();
            var patch = patches[i];
            foreach (var diff in patch.Diffs)
            {
                foreach (string path in new[] { diff.OldPath, diff.NewPath })
                {
                    if (fileOwners.TryGetValue(path, out int earlier) && !deps.ContainsKey(earlier))
                        deps[earlier] = $"both change {path}{SharedFileTail}";
                }
            }
            foreach (string token in UsedIdentifiers(patch))
            {
                if (symbolOwners.TryGetValue(token, out int earlier) && earlier != i && !deps.ContainsKey(earlier))
                    deps[earlier] = $"uses {token}{UsedSymbolTail}";
            }
            result.Add(deps.OrderBy(d => d.Key).Select(d => (d.Key, d.Value)).ToList());
            foreach (var diff in patch.Diffs)
            {
                fileOwners[diff.OldPath] = i;
                fileOwners[diff.NewPath] = i;
            }
            foreach (string symbol in DefinedSymbols(patch))
                if (!existing.Contains(symbol))
                    symbolOwners.TryAdd(symbol, i);
        }
        return result;
    }

    /// <summary>Names defined by the lines a patch adds.</summary>
    public static IEnumerable<string> DefinedSymbols(Patch patch)
    {
        foreach (var hunk in patch.Diffs.SelectMany(d => d.Hunks))
        {
            foreach (string line in hunk.Added)
            {
                foreach (var regex in new[] { Define(), TypeDefinition(), FunctionDefinition(), Variable(), FirstArgument(), SecondArgument() })
                {
                    var m = regex.Match(line);
                    if (!m.Success || m.Groups[1].Value.Length < 4 || Keywords.Contains(m.Groups[1].Value))
                        continue;
                    yield return m.Groups[1].Value;
                    if (regex == FirstArgument() || regex == SecondArgument())
                        yield return "trace_" + m.Groups[1].Value; // a tracepoint is called as trace_<name>()
                }
            }
        }
    }

    private static HashSet<string> UsedIdentifiers(Patch patch)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hunk in patch.Diffs.SelectMany(d => d.Hunks))
            foreach (string line in hunk.Added)
                foreach (Match m in Identifier().Matches(line))
                    used.Add(m.Value);
        return used;
    }

    [GeneratedRegex(@"^\s*#\s*define\s+([A-Za-z_]\w*)")]
    private static partial Regex Define();

    [GeneratedRegex(@"^\s*(?:typedef\s+)?(?:struct|union|enum)\s+([A-Za-z_]\w*)\s*\{")]
    private static partial Regex TypeDefinition();

    [GeneratedRegex(@"^(?:[A-Za-z_][\w]*[\s\*]+)+\**([A-Za-z_]\w*)\s*\([^;]*$")]
    private static partial Regex FunctionDefinition();

    [GeneratedRegex(@"^\s*(?:EXPORT_SYMBOL(?:_GPL)?|DEFINE_TRACE|DECLARE_TRACE\w*|TRACE_EVENT\w*|DECLARE_EVENT_CLASS)\s*\(\s*([A-Za-z_]\w*)")]
    private static partial Regex FirstArgument();

    [GeneratedRegex(@"^\s*(?:DEFINE_EVENT\w*|DEFINE_MARKER\w*)\s*\(\s*\w+\s*,\s*([A-Za-z_]\w*)")]
    private static partial Regex SecondArgument();

    /// <summary>A variable at file scope (the line starts in column 0): "int ltt_count;", "static struct x *y = ...".</summary>
    [GeneratedRegex(@"^(?:[A-Za-z_]\w*[ \t\*]+)+\**([A-Za-z_]\w*)\s*(?:=[^=]|;|\[)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\b[A-Za-z_]\w{3,}\b")]
    private static partial Regex Identifier();
}
