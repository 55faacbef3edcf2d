using Ltt.Clang;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Finds, in the tokens of a header, the <c>TP_STRUCT__entry(...)</c> and <c>TP_fast_assign(...)</c>
/// bodies of each event class (<c>DECLARE_EVENT_CLASS</c> and the <c>TRACE_EVENT</c> family), kept
/// as their tokens with their lines so that what is read from them can name its line.
/// </summary>
internal static class ClassBodies
{
    private static readonly HashSet<string> ClassMacros = new(StringComparer.Ordinal)
    {
        "DECLARE_EVENT_CLASS", "TRACE_EVENT", "TRACE_EVENT_CONDITION", "TRACE_EVENT_FN", "TRACE_EVENT_FN_COND",
    };

    /// <summary>The bodies of every class of <paramref name="invocations"/>, by class name; the first declaration wins.</summary>
    /// <param name="macros">The tree's entry macros, expanded in the bodies (mac80211's <c>LOCAL_ASSIGN</c>).</param>
    public static Dictionary<string, (SourceText? Entry, SourceText? Assign, IReadOnlyList<string>? Args)> Find(IEnumerable<MacroInvocation> invocations, string relativeFile,
        FieldMacros? macros = null)
    {
        macros ??= FieldMacros.None;
        var result = new Dictionary<string, (SourceText?, SourceText?, IReadOnlyList<string>?)>(StringComparer.Ordinal);
        foreach (MacroInvocation inv in invocations)
        {
            if (!ClassMacros.Contains(inv.Macro) || !inv.Balanced || inv.Arguments.Count == 0)
                continue;
            string name = inv.ArgumentText(0);
            result.TryAdd(name, (Body(inv, "TP_STRUCT__entry", relativeFile, macros), Body(inv, "TP_fast_assign", relativeFile, macros), ArgNames(inv)));
        }
        return result;
    }

    /// <summary>What a probe gets from its own headers or the compiler, not from the trace header's includes.</summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "sizeof", "typeof", "__typeof__", "_Alignof", "__alignof__", "if", "for", "while", "switch", "return", "do",
        "memcpy", "memset", "memmove", "strcpy", "strncpy", "strscpy", "strlcpy", "strlen", "strnlen",
        "__assign_str", "__assign_str_len", "__assign_bitmask", "__assign_cpumask", "__assign_sockaddr", "__assign_rel_str",
        "__get_str", "__get_dynamic_array", "__get_dynamic_array_len", "__get_bitmask", "__get_sockaddr", "__get_rel_str",
        "__field", "__field_ext", "__field_struct", "__field_struct_ext", "__field_packed", "__array", "__dynamic_array",
        "__string", "__string_len", "__vstring", "__bitmask", "__cpumask", "__sockaddr", "__rel_dynamic_array", "__rel_string",
        "__rel_string_len", "__rel_bitmask", "__rel_cpumask", "__rel_sockaddr",
    };

    /// <summary>
    /// The names the bodies call (a word before '(' on its line, not a member after '-&gt;' or '.'),
    /// compiler builtins and the trace macros aside.
    /// </summary>
    public static IReadOnlyList<string> Calls(SourceText? entry, SourceText? assign)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (SourceText? text in (SourceText?[])[entry, assign])
        {
            if (text is null)
                continue;
            var tokens = text.Tokens;
            for (int i = 0; i + 1 < tokens.Count; i++)
            {
                CToken t = tokens[i], next = tokens[i + 1];
                if (!t.IsWord || !next.Is("(") || next.Line != t.Line)
                    continue;
                if (i > 0 && !t.SpaceBefore && tokens[i - 1].Text[^1] is '.' or '>' or '"')
                    continue;
                if (!Known.Contains(t.Text) && !t.Text.StartsWith("__builtin_", StringComparison.Ordinal))
                    names.Add(t.Text);
            }
        }
        return names.ToList();
    }

    /// <summary>
    /// The names the bodies use that must be declared where the probe is compiled (see <see cref="CNames.Free"/>):
    /// the arguments, the entry's fields and what the probe's own headers give aside.
    /// </summary>
    public static IReadOnlyList<string> FreeNames(SourceText? entry, SourceText? assign, IEnumerable<string> arguments, IEnumerable<string> fields,
        Func<string, IReadOnlySet<int>?> wordArguments)
    {
        var bound = new HashSet<string>(arguments, StringComparer.Ordinal);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (assign is not null)
            names.UnionWith(CNames.Free(CNames.FromModel(assign.Tokens), bound, wordArguments));
        if (entry is not null)
        {
            // TP_STRUCT__entry names its fields: they are no uses.
            bound.UnionWith(fields);
            names.UnionWith(CNames.Free(CNames.FromModel(entry.Tokens), bound, wordArguments));
        }
        names.ExceptWith(Known);
        return names.ToList();
    }

    /// <summary>The names of <c>TP_ARGS(a, b)</c>: what the class's TP_fast_assign calls the arguments.</summary>
    private static IReadOnlyList<string>? ArgNames(MacroInvocation inv)
    {
        foreach (IReadOnlyList<Token> arg in inv.Arguments)
        {
            if (arg.Count < 2 || !(arg[0].Is("TP_ARGS") || arg[0].Is("TPARGS")) || !arg[1].Is("(") || !arg[^1].Is(")"))
                continue;
            var names = new List<string>();
            for (int i = 2; i < arg.Count - 1; i++)
            {
                if (arg[i].Kind == TokenKind.Identifier && (arg[i + 1].Is(",") || i + 1 == arg.Count - 1))
                    names.Add(arg[i].Spelling);
            }
            return names;
        }
        return null;
    }

    /// <summary>
    /// The tokens inside <c>macro( ... )</c> of the argument that starts with <paramref name="macro"/>.
    /// A subsystem's wrapper of it (btrfs's <c>TP_fast_assign_btrfs(fs_info, statements)</c>) gives
    /// the arguments it passes through, from the first that holds a statement or a field: what the
    /// wrapper adds itself is not seen, and the fields it sets stay unrecorded with a warning.
    /// </summary>
    private static SourceText? Body(MacroInvocation inv, string macro, string relativeFile, FieldMacros macros)
    {
        foreach (IReadOnlyList<Token> arg in inv.Arguments)
        {
            if (arg.Count < 3 || !arg[1].Is("(") || !arg[^1].Is(")"))
                continue;
            var inner = arg.Skip(2).Take(arg.Count - 3).ToList();
            if (arg[0].Is(macro))
            {
                if (inner.Count == 0)
                    return new SourceText([], new SourceLocation(relativeFile, arg[1].Position.Line, arg[1].Position.Column + 1));
                return new SourceText(ModelTokens.From(macros.Expand(inner)), new SourceLocation(relativeFile, inner[0].Position.Line, inner[0].Position.Column));
            }
            if (arg[0].Kind == TokenKind.Identifier && arg[0].Spelling.StartsWith(macro + "_", StringComparison.Ordinal))
            {
                int start = PassedThrough(inner);
                if (start < 0)
                    return null;
                var body = inner.Skip(start).ToList();
                return new SourceText(ModelTokens.From(macros.Expand(body)), new SourceLocation(relativeFile, body[0].Position.Line, body[0].Position.Column));
            }
        }
        return null;
    }

    /// <summary>Where the wrapper's statements or fields start: the first top-level argument holding a ';', <c>__entry</c> or a <c>__field</c>-like macro.</summary>
    private static int PassedThrough(IReadOnlyList<Token> inner)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < inner.Count; i++)
        {
            Token t = inner[i];
            if (t.Is("(") || t.Is("[") || t.Is("{"))
                depth++;
            else if (t.Is(")") || t.Is("]") || t.Is("}"))
                depth--;
            else if (depth == 0 && t.Is(","))
                start = i + 1;
            else if (t.Is(";") || t.Is("__entry") || t.Kind == TokenKind.Identifier && t.Spelling.StartsWith("__", StringComparison.Ordinal) &&
                     i + 1 < inner.Count && inner[i + 1].Is("("))
                return start < inner.Count ? start : -1;
        }
        return -1;
    }
}
