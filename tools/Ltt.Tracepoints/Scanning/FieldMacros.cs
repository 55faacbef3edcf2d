using Ltt.Clang;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Expands, in the tokens of a <c>TP_STRUCT__entry</c> or <c>TP_fast_assign</c> body, the tree's
/// macros that stand for entry fields or for statements on them: mac80211's <c>LOCAL_ENTRY</c>
/// and <c>LOCAL_ASSIGN</c>, hfi1's <c>DD_DEV_ENTRY(dd)</c> and <c>DD_DEV_ASSIGN(dd)</c> (in
/// <c>hfi.h</c>), and the macros the trace header <c>#undef</c>s, which a probe could not see.
/// Without this the planner sees <c>LOCAL_ASSIGN;</c> and no field it sets. Other macros
/// (<c>min()</c>, <c>page_to_pfn()</c>) are left as written: the probe compiles them as the
/// kernel does. A macro that stringifies or pastes (<c>#</c>, <c>##</c>) is left as written too.
/// </summary>
/// <remarks>
/// Expanded tokens take the position of the invocation's first token, so the text keeps its
/// lines (what is read from it still names the line of the source) and spaces them apart.
/// </remarks>
internal sealed class FieldMacros
{
    /// <summary>The words that make a macro one of the entry's: a field macro, an __entry access, an __assign_/__get_ helper.</summary>
    private static readonly HashSet<string> EntryWords = new(StringComparer.Ordinal)
    {
        "__entry", "__field", "__field_ext", "__field_struct", "__field_struct_ext", "__field_packed", "__array", "__dynamic_array",
        "__string", "__string_len", "__vstring", "__bitmask", "__cpumask", "__sockaddr", "__rel_dynamic_array", "__rel_string",
        "__rel_string_len", "__rel_bitmask", "__rel_cpumask", "__rel_sockaddr",
    };

    private const int MaxDepth = 8;

    private readonly Dictionary<string, Definition> _macros;

    private FieldMacros(Dictionary<string, Definition> macros) => _macros = macros;

    public static FieldMacros None { get; } = new([]);

    /// <summary>How many macros this expander knows.</summary>
    public int Count => _macros.Count;

    /// <summary>
    /// The entry macros a unit defines outside the tracing machinery (<paramref name="machinery"/>
    /// says which files those are), with those in <paramref name="undefined"/>, the header's
    /// <c>#undef</c>s, and those that use any of them.
    /// </summary>
    public static FieldMacros FromUnit(TranslationUnit unit, Func<string, bool> machinery, IReadOnlySet<string> undefined)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, (Cursor Cursor, string Text)>(StringComparer.Ordinal);
        foreach (Cursor c in unit.Cursor.Children)
        {
            if (c.Kind != CursorKind.MacroDefinition)
                continue;
            SourceSpan extent = c.Extent;
            string file = extent.Start.File;
            if (file.Length == 0 || machinery(file))
                continue;
            if (!texts.TryGetValue(file, out string? text))
                texts[file] = text = unit.FileText(file);
            if (text is null || extent.End.Offset > text.Length || extent.End.Offset <= extent.Start.Offset)
                continue;
            candidates[c.Spelling] = (c, text[extent.Start.Offset..extent.End.Offset]);
        }

        var chosen = new HashSet<string>(candidates.Keys.Where(n => undefined.Contains(n) ||
            EntryWords.Any(w => ContainsWord(candidates[n].Text, w)) || ContainsWord(candidates[n].Text, "__assign_") ||
            ContainsWord(candidates[n].Text, "__get_")), StringComparer.Ordinal);
        for (int round = 0; round < 3; round++)
        {
            var more = candidates.Keys.Where(n => !chosen.Contains(n) && chosen.Any(m => ContainsWord(candidates[n].Text, m))).ToList();
            if (more.Count == 0)
                break;
            chosen.UnionWith(more);
        }

        var macros = new Dictionary<string, Definition>(StringComparer.Ordinal);
        foreach (string name in chosen)
        {
            var (cursor, _) = candidates[name];
            if (Parse(cursor.Tokens, cursor.IsMacroFunctionLike) is { } definition)
                macros[name] = definition;
        }
        return new FieldMacros(macros);
    }

    /// <summary>The tokens with every known macro expanded (again inside what it expands to, never itself).</summary>
    public IReadOnlyList<Token> Expand(IReadOnlyList<Token> tokens) =>
        _macros.Count == 0 || !tokens.Any(t => t.Kind == TokenKind.Identifier && _macros.ContainsKey(t.Spelling))
            ? tokens
            : Expand(tokens, [], 0);

    private List<Token> Expand(IReadOnlyList<Token> tokens, HashSet<string> active, int depth)
    {
        var result = new List<Token>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            Token t = tokens[i];
            if (t.Kind != TokenKind.Identifier || active.Contains(t.Spelling) || depth >= MaxDepth ||
                !_macros.TryGetValue(t.Spelling, out var macro) || i > 0 && (tokens[i - 1].Is("->") || tokens[i - 1].Is(".")))
            {
                result.Add(t);
                continue;
            }
            IReadOnlyList<Token> body = macro.Body;
            Token last = t;
            if (macro.Parameters is { } parameters)
            {
                if (i + 1 >= tokens.Count || !tokens[i + 1].Is("(") || Arguments(tokens, i + 1) is not { } call)
                {
                    result.Add(t);
                    continue;
                }
                var (args, close) = call;
                if (!Bind(parameters, args, out var bound))
                {
                    result.Add(t);
                    continue;
                }
                body = body.SelectMany(b => b.Kind == TokenKind.Identifier && bound.TryGetValue(b.Spelling, out var arg) ? arg : [b]).ToList();
                i = close;
                last = tokens[close];
            }
            active.Add(t.Spelling);
            var expanded = Expand(body, active, depth + 1);
            active.Remove(t.Spelling);
            result.AddRange(Placed(expanded, t.Position, last.Position.Offset + last.Spelling.Length));
        }
        return result;
    }

    /// <summary>
    /// The expansion on the invocation's first line, spaced as its tokens were where they come
    /// from, and ending where the invocation ended (so what follows it stays as close as it was).
    /// </summary>
    private static IEnumerable<Token> Placed(List<Token> expanded, SourcePosition at, int end)
    {
        var gaps = new int[expanded.Count];
        int total = 0;
        for (int k = 0; k < expanded.Count; k++)
        {
            gaps[k] = k > 0 && !Adjacent(expanded[k - 1], expanded[k]) && !Tight(expanded[k - 1], expanded[k]) ? 1 : 0;
            total += gaps[k] + expanded[k].Spelling.Length;
        }
        int offset = end - total;
        for (int k = 0; k < expanded.Count; k++)
        {
            offset += gaps[k];
            yield return expanded[k] with { Position = at with { Offset = offset } };
            offset += expanded[k].Spelling.Length;
        }
    }

    /// <summary>Tokens C style writes together wherever they come from: <c>f(x)</c>, <c>a-&gt;b</c>, <c>a[i]</c>, <c>x, y;</c>.</summary>
    private static bool Tight(Token a, Token b) =>
        b.Spelling is ")" or "]" or "," or ";" or "." or "->" or "[" || a.Spelling is "(" or "[" or "." or "->" or "!" or "~" ||
        b.Is("(") && a.Kind is TokenKind.Identifier or TokenKind.Keyword && a.Spelling is not ("if" or "for" or "while" or "switch" or "return");

    private static bool Adjacent(Token a, Token b) =>
        a.Position.File == b.Position.File && a.Position.Line == b.Position.Line && a.Position.Offset + a.Spelling.Length == b.Position.Offset;

    private static bool Bind(IReadOnlyList<string> parameters, List<List<Token>> args, out Dictionary<string, IReadOnlyList<Token>> bound)
    {
        bound = new Dictionary<string, IReadOnlyList<Token>>(StringComparer.Ordinal);
        bool variadic = parameters.Count > 0 && parameters[^1] == "__VA_ARGS__";
        int named = variadic ? parameters.Count - 1 : parameters.Count;
        if (args.Count == 1 && args[0].Count == 0 && parameters.Count == 0)
            return true;
        if (args.Count < named || !variadic && args.Count > named)
            return false;
        for (int p = 0; p < named; p++)
            bound[parameters[p]] = args[p];
        if (variadic)
        {
            var rest = new List<Token>();
            for (int a = named; a < args.Count; a++)
            {
                if (a > named)
                    rest.Add(new Token(TokenKind.Punctuation, ",", args[a].FirstOrDefault()?.Position ?? default));
                rest.AddRange(args[a]);
            }
            bound["__VA_ARGS__"] = rest;
        }
        return true;
    }

    /// <summary>The arguments of a call whose '(' is at <paramref name="open"/>, split at top-level commas, and where it closes.</summary>
    private static (List<List<Token>> Args, int Close)? Arguments(IReadOnlyList<Token> tokens, int open)
    {
        var args = new List<List<Token>>();
        var current = new List<Token>();
        int depth = 0;
        for (int j = open; j < tokens.Count; j++)
        {
            Token a = tokens[j];
            if (a.Is("(") || a.Is("[") || a.Is("{"))
            {
                if (depth++ == 0)
                    continue;
            }
            else if (a.Is(")") || a.Is("]") || a.Is("}"))
            {
                if (--depth == 0)
                {
                    args.Add(current);
                    return (args, j);
                }
            }
            else if (a.Is(",") && depth == 1)
            {
                args.Add(current);
                current = [];
                continue;
            }
            current.Add(a);
        }
        return null;
    }

    /// <summary>A definition's parameters (null for an object-like macro) and body; null when it stringifies or pastes.</summary>
    private static Definition? Parse(IReadOnlyList<Token> tokens, bool functionLike)
    {
        if (tokens.Count == 0)
            return null;
        int at = 1;
        List<string>? parameters = null;
        if (functionLike)
        {
            parameters = [];
            if (at >= tokens.Count || !tokens[at].Is("("))
                return null;
            for (at++; at < tokens.Count && !tokens[at].Is(")"); at++)
            {
                if (tokens[at].Is("..."))
                    parameters.Add("__VA_ARGS__");
                else if (tokens[at].Kind == TokenKind.Identifier)
                    parameters.Add(tokens[at].Spelling);
            }
            at++;
        }
        var body = tokens.Skip(at).ToList();
        if (body.Any(t => t.Is("#") || t.Is("##") || t.Is("__VA_OPT__")))
            return null;
        return new Definition(parameters, body);
    }

    private static bool ContainsWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool before = at == 0 || !(char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == '_');
            int end = at + word.Length;
            bool after = word.EndsWith('_') || end >= text.Length || !(char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_');
            if (before && after)
                return true;
        }
        return false;
    }

    private sealed record Definition(IReadOnlyList<string>? Parameters, IReadOnlyList<Token> Body);
}
