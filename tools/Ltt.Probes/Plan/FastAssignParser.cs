using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Reads a <c>TP_fast_assign</c> body into one <see cref="FieldSource"/> per entry field it sets.
/// Understood, one statement each: <c>__entry-&gt;f = EXPR;</c>; <c>__assign_str(f)</c> and
/// <c>__assign_str(f, EXPR)</c>; <c>memcpy</c>/<c>strncpy</c>/<c>strscpy</c>/<c>strlcpy</c>/<c>strcpy</c>
/// of EXPR into a char array (a string); <c>memcpy(__get_dynamic_array(f), EXPR, N)</c>;
/// <c>__assign_bitmask(f, EXPR, NBITS)</c>; and any other call whose only entry field is one
/// array (<c>memcpy(__entry-&gt;uuid, ...)</c>, <c>memset</c>, <c>blk_fill_rwbs(__entry-&gt;rwbs, ...)</c>),
/// which the probe runs as written. Anything else (an <c>if</c> block, a loop, a field set twice,
/// a member of a field, <c>|=</c>) leaves the fields it touches unplaced, each with its line.
/// </summary>
public static class FastAssignParser
{
    private static readonly HashSet<string> StringCopies = new(StringComparer.Ordinal) { "strncpy", "strscpy", "strlcpy", "strcpy", "memcpy" };
    private static readonly HashSet<string> Compound = new(StringComparer.Ordinal) { "if", "for", "while", "switch", "do", "else", "goto", "return" };

    public static FastAssignResult Parse(SourceText? assign, IReadOnlyList<EventField> fields)
    {
        if (assign is null || assign.Tokens.Count == 0)
            return FastAssignResult.Empty;
        var byName = fields.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var tokens = assign.Tokens.ToList();
        var sources = new Dictionary<string, FieldSource>(StringComparer.Ordinal);
        var unplaced = new List<UnplacedField>();
        var twice = new HashSet<string>(StringComparer.Ordinal);
        // Variables TP_fast_assign sets: usable when declared with their value and never set again.
        var locals = new Dictionary<string, (int Line, LocalDeclaration? Declaration)>(StringComparer.Ordinal);

        foreach (var statement in Statements(tokens))
        {
            var at = assign.LocationOf(statement[0]);
            if (LocalDeclarationOf(statement, at) is { } declaration)
            {
                locals[declaration.Name] = locals.ContainsKey(declaration.Name) ? (at.Line, null) : (at.Line, declaration);
                continue;
            }
            var placed = new List<FieldSource>();
            if (statement[0].Is("if") && BranchStatement.Read(statement) is { } branches && branches.Fields.All(byName.ContainsKey))
            {
                placed.AddRange(branches.Fields.Select(f => new FieldSource(f, FieldSourceKind.Branches, new CFragment(statement, branches.Text), null, at) { Group = branches.Fields }));
            }
            else if (!TryPlace(statement, byName, at, out var source, out Unrecordable why))
            {
                // An assignment to one field leaves only that one unplaced; any other statement, every field it names.
                var touched = statement.Count > 2 && statement[0].Is("__entry") && statement[1].Is("->") && statement[2].IsWord &&
                    !statement.Any(t => t.IsWord && Compound.Contains(t.Text))
                    ? [statement[2].Text]
                    : FieldsNamed(statement);
                foreach (string field in touched.Where(byName.ContainsKey).Distinct())
                    unplaced.Add(new UnplacedField(field, at, why));
                foreach (string local in AssignedNames(statement))
                    locals[local] = (locals.TryGetValue(local, out var known) ? known.Line : at.Line, null);
                continue;
            }
            else if (source is not null)
            {
                placed.Add(source);
            }
            foreach (var one in placed)
            {
                if (WithPrologue(one, locals, out string? unusable) is not { } ready)
                {
                    unplaced.Add(new UnplacedField(one.Field, at, new Unrecordable(UnrecordedCause.FastAssignLocal, unusable!,
                        $"it uses '{unusable}', a variable TP_fast_assign sets at line {locals[unusable!].Line}")));
                    continue;
                }
                if (sources.TryGetValue(one.Field, out var earlier))
                {
                    twice.Add(one.Field);
                    unplaced.Add(new UnplacedField(one.Field, at, new Unrecordable(UnrecordedCause.Statement, "set twice",
                        $"set twice in TP_fast_assign (lines {earlier.Location.Line} and {at.Line})")));
                    continue;
                }
                sources[one.Field] = ready;
            }
        }
        foreach (string field in twice)
            sources.Remove(field);
        foreach (var u in unplaced)
            sources.Remove(u.Field);
        return new FastAssignResult(sources, unplaced);
    }

    /// <summary>
    /// The source with the declarations of the variables it reads (and those they read), in
    /// source order; null, naming the first, when one of them is not a declaration with its
    /// value that nothing sets again.
    /// </summary>
    private static FieldSource? WithPrologue(FieldSource source, Dictionary<string, (int Line, LocalDeclaration? Declaration)> locals, out string? unusable)
    {
        unusable = null;
        if (locals.Count == 0)
            return source;
        var needed = new Dictionary<string, LocalDeclaration>(StringComparer.Ordinal);
        var pending = new Queue<string>(Names(source.Expression).Concat(Names(source.Count)).Where(locals.ContainsKey));
        while (pending.Count > 0)
        {
            string name = pending.Dequeue();
            if (needed.ContainsKey(name))
                continue;
            if (locals[name].Declaration is not { } declaration)
            {
                unusable = name;
                return null;
            }
            needed[name] = declaration;
            foreach (string next in Names(declaration.Value).Where(locals.ContainsKey))
                pending.Enqueue(next);
        }
        return needed.Count == 0 ? source : source with { Prologue = needed.Values.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList() };
    }

    /// <summary>The names a fragment uses (members after '-&gt;' and '.' aside).</summary>
    private static IEnumerable<string> Names(CFragment? code)
    {
        if (code is null)
            yield break;
        var tokens = code.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsWord && !(i > 0 && (tokens[i - 1].Is("->") || tokens[i - 1].Is("."))))
                yield return tokens[i].Text;
        }
    }

    /// <summary>
    /// <c>struct hfi1_qp_priv *priv = qp-&gt;priv</c>: one variable declared with its value, which
    /// reads no entry field. Arrays, several declarators and constant pointers are not.
    /// </summary>
    private static LocalDeclaration? LocalDeclarationOf(List<CToken> s, SourceLocation at)
    {
        int eq = -1, depth = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s[i].Text is "(" or "[" or "{")
                depth++;
            else if (s[i].Text is ")" or "]" or "}")
                depth--;
            else if (depth == 0 && s[i].Is(","))
                return null;
            else if (depth == 0 && s[i].Is("=") && eq < 0)
                eq = i;
        }
        if (eq < 2 || eq == s.Count - 1)
            return null;
        var declarator = s.GetRange(0, eq);
        if (!declarator.All(t => t.IsWord || t.Is("*")) || !declarator[^1].IsWord || declarator[^2].Is("const") ||
            declarator.Any(t => Compound.Contains(t.Text) || t.Is("__entry") || t.Is("return") || t.Is("static")))
            return null;
        var value = s.GetRange(eq + 1, s.Count - eq - 1);
        if (MentionsEntry(value))
            return null;
        string name = declarator[^1].Text;
        return new LocalDeclaration(name, CTokens.Join(declarator), CFragment.Of(value), at);
    }

    /// <summary>Top-level statements: up to a ';', or a whole compound statement (braces, if/else) as one.</summary>
    /// <remarks>
    /// A block, and the <c>do { ... } while (0)</c> a statement macro expands to
    /// (<c>NETDEV_ASSIGN</c>, <c>TP_STORE_ADDR_PORTS</c>), is its statements.
    /// </remarks>
    private static List<List<CToken>> Statements(List<CToken> tokens)
    {
        var statements = new List<List<CToken>>();
        var current = new List<CToken>();
        int depth = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            CToken t = tokens[i];
            current.Add(t);
            if (t.Text is "(" or "[" or "{")
                depth++;
            else if (t.Text is ")" or "]" or "}")
                depth--;
            bool end = depth == 0 && (t.Is(";") || t.Is("}") && !current[0].Is("do"));
            if (!end)
                continue;
            if (i + 1 < tokens.Count && tokens[i + 1].Is("else"))
                continue;
            if (t.Is(";"))
                current.RemoveAt(current.Count - 1);
            if (current.Count > 0)
                statements.AddRange(Flatten(current));
            current = [];
        }
        if (current.Count > 0)
            statements.AddRange(Flatten(current));
        return statements;
    }

    private static List<List<CToken>> Flatten(List<CToken> statement)
    {
        int n = statement.Count;
        if (n >= 2 && statement[0].Is("{") && statement[^1].Is("}"))
            return Statements(statement.GetRange(1, n - 2));
        if (n >= 7 && statement[0].Is("do") && statement[1].Is("{") && statement[^5].Is("}") && statement[^4].Is("while") &&
            statement[^3].Is("(") && statement[^2].Is("0") && statement[^1].Is(")"))
            return Statements(statement.GetRange(2, n - 7));
        return [statement];
    }

    /// <summary>
    /// The source <paramref name="s"/> gives, or false with why it is not understood. True with a
    /// null source for a statement that sets no field (a local helper call, an empty statement).
    /// </summary>
    private static bool TryPlace(List<CToken> s, Dictionary<string, EventField> fields, SourceLocation at, out FieldSource? source, out Unrecordable why)
    {
        source = null;
        why = null!;
        if (s.Any(t => t.IsWord && Compound.Contains(t.Text)) || s.Any(t => t.Is("{")))
        {
            string keyword = s.FirstOrDefault(t => t.IsWord && Compound.Contains(t.Text)).Text ?? "{";
            why = keyword == "{"
                ? new Unrecordable(UnrecordedCause.Conditional, "a block", "set inside a block of TP_fast_assign")
                : new Unrecordable(UnrecordedCause.Conditional, $"'{keyword}'", $"set inside {("aeiou".Contains(keyword[0]) ? "an" : "a")} '{keyword}' statement of TP_fast_assign");
            return false;
        }
        // (__entry->f) = EXPR, as statement macros write it (NETDEV_ASSIGN)
        if (s.Count > 6 && s[0].Is("(") && s[1].Is("__entry") && s[2].Is("->") && s[3].IsWord && s[4].Is(")") && s[5].Is("="))
            s = [.. s.GetRange(1, 3), .. s.GetRange(5, s.Count - 5)];
        // __entry->f = EXPR
        if (s.Count >= 3 && s[0].Is("__entry") && s[1].Is("->") && s[2].IsWord)
        {
            string field = s[2].Text;
            if (s.Count < 5 || !s[3].Is("="))
            {
                why = s.Count > 3 && (s[3].Is(".") || s[3].Is("[") || s[3].Is("->"))
                    ? new Unrecordable(UnrecordedCause.Statement, "sets a part of the field", "TP_fast_assign sets a part of the field, not the whole of it")
                    : new Unrecordable(UnrecordedCause.Statement, "not a plain assignment", $"'{CTokens.Join(s)}' is not a plain assignment");
                return false;
            }
            var rhs = s.Skip(4).ToList();
            if (MentionsEntry(rhs))
            {
                why = FromOtherFields(at);
                return false;
            }
            source = new FieldSource(field, FieldSourceKind.Value, CFragment.Of(rhs), null, at);
            return true;
        }
        if (s.Count < 3 || !s[0].IsWord || !s[1].Is("(") || !s[^1].Is(")") || CloseOf(s, 1) != s.Count - 1)
        {
            why = new Unrecordable(UnrecordedCause.Statement, "not understood", $"'{Short(CTokens.Join(s))}' is not a statement the planner understands");
            return false;
        }
        string call = s[0].Text;
        var args = CTokens.Split(s.GetRange(2, s.Count - 3), ",");
        if (call is "__assign_str" or "__assign_bitmask")
        {
            int wanted = call == "__assign_str" ? 2 : 3;
            if (args.Count < 1 || args[0].Count != 1 || !args[0][0].IsWord || args.Count > wanted || call == "__assign_bitmask" && args.Count != 3)
            {
                why = new Unrecordable(UnrecordedCause.AssignHelper, $"{call} with {args.Count} arguments", $"{call} with {args.Count} arguments is not understood");
                return false;
            }
            if (args.Skip(1).Any(MentionsEntry))
            {
                why = FromOtherFields(at);
                return false;
            }
            string field = args[0][0].Text;
            source = call == "__assign_str"
                ? new FieldSource(field, FieldSourceKind.String, args.Count == 2 ? CFragment.Of(args[1]) : null, null, at)
                : new FieldSource(field, FieldSourceKind.Bitmask, CFragment.Of(args[1]), CFragment.Of(args[2]), at);
            return true;
        }
        if (call == "memcpy" && args.Count == 3 && args[0].Count == 4 && args[0][0].Is("__get_dynamic_array") && args[0][2].IsWord)
        {
            if (MentionsEntry(args[1]) || MentionsEntry(args[2]))
            {
                why = new Unrecordable(UnrecordedCause.FromOtherFields, at.File, "the data or its length come from other entry fields");
                return false;
            }
            source = new FieldSource(args[0][2].Text, FieldSourceKind.DynamicArray, CFragment.Of(args[1]), CFragment.Of(args[2]), at);
            return true;
        }
        if (StringCopies.Contains(call) && args.Count >= 2 && EntryField(args[0]) is { } target &&
            fields.TryGetValue(target, out var targetField) && IsCharArray(targetField) && !MentionsEntry(args[1]))
        {
            source = new FieldSource(target, FieldSourceKind.String, CFragment.Of(args[1]), null, at);
            return true;
        }
        if (s.FirstOrDefault(t => t.Text.StartsWith("__assign_", StringComparison.Ordinal)) is { Text: { } helper })
        {
            why = new Unrecordable(UnrecordedCause.AssignHelper, helper,
                $"{helper}(...) is not a form the planner reads (only __assign_str with 1 or 2 arguments and __assign_bitmask)");
            return false;
        }
        var named = EntryFields(s).Distinct().ToList();
        if (named.Count == 0)
            return true;
        if (named.Count > 1 || s.Any(t => t.Is("__get_dynamic_array") || t.Is("__get_str") || t.Is("__get_bitmask")))
        {
            why = new Unrecordable(UnrecordedCause.Statement, "several entry fields", $"'{call}(...)' sets or reads more than one entry field");
            return false;
        }
        if (!fields.TryGetValue(named[0], out var filled) || filled.ArrayLength is null)
        {
            why = new Unrecordable(UnrecordedCause.Statement, "a call fills a non-array field", $"'{call}(...)' takes the field's address: only an array field can be filled by a call");
            return false;
        }
        source = new FieldSource(named[0], FieldSourceKind.Fill, CFragment.Of(s), null, at);
        return true;
    }

    /// <summary>
    /// The variables a statement the planner does not understand declares or sets
    /// (<c>u32 ifindex = 0, map_index = index</c>, <c>struct inet_sock *inet = inet_sk(sk)</c>,
    /// <c>p32 = ...</c>, or inside an <c>if</c> block): later statements that read them cannot
    /// be placed alone.
    /// </summary>
    private static IEnumerable<string> AssignedNames(List<CToken> s)
    {
        var names = new List<string>();
        for (int i = 1; i < s.Count; i++)
        {
            if (s[i].Text is not ("=" or "+=" or "-=" or "|=" or "&=" or "^=" or "*=" or "/=" or "<<=" or ">>=" or "++" or "--"))
                continue;
            int j = i - 1;
            while (j > 0 && s[j].Is("]"))
            {
                while (j > 0 && !s[j].Is("["))
                    j--;
                j--;
            }
            if (j >= 0 && s[j].IsWord && !(j > 0 && (s[j - 1].Is("->") || s[j - 1].Is("."))) && !s[j].Is("__entry"))
                names.Add(s[j].Text);
        }
        // A declaration without initialisers: int a, b;
        if (s.Count >= 2 && s.All(t => t.IsWord || t.Is("*") || t.Is(",")))
        {
            for (int i = 1; i < s.Count; i++)
            {
                if (s[i].IsWord && (i + 1 == s.Count || s[i + 1].Is(",")))
                    names.Add(s[i].Text);
            }
        }
        return names;
    }

    private static Unrecordable FromOtherFields(SourceLocation at) =>
        new(UnrecordedCause.FromOtherFields, at.File, "its value is computed from other entry fields");

    private static bool IsCharArray(EventField f) =>
        f.ArrayLength is not null && f.Type.Element is { } e && CTypes.IsPlainChar(e);

    /// <summary>f for exactly <c>__entry-&gt;f</c>.</summary>
    private static string? EntryField(List<CToken> arg) =>
        arg.Count == 3 && arg[0].Is("__entry") && arg[1].Is("->") && arg[2].IsWord ? arg[2].Text : null;

    private static IEnumerable<string> EntryFields(List<CToken> s)
    {
        for (int i = 0; i + 2 < s.Count; i++)
        {
            if (s[i].Is("__entry") && s[i + 1].Is("->") && s[i + 2].IsWord)
                yield return s[i + 2].Text;
        }
    }

    /// <summary>Every field a statement names: <c>__entry-&gt;f</c>, and the first argument of the <c>__assign_*</c>/<c>__get_*</c> helpers.</summary>
    /// <remarks>
    /// A field a condition only reads (<c>if (__entry-&gt;a)</c>) is not touched: an
    /// <c>__entry-&gt;f</c> counts when an assignment or <c>++</c>/<c>--</c> follows it (through
    /// members and subscripts), when its address or its whole value is taken (after a cast or an
    /// '=': an array's address, which the statement may write through), or when it is passed to a call.
    /// </remarks>
    private static IEnumerable<string> FieldsNamed(List<CToken> s)
    {
        var calls = new Stack<bool>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s[i].Is("("))
                calls.Push(i > 0 && s[i - 1].IsWord && !Compound.Contains(s[i - 1].Text) && s[i - 1].Text is not ("sizeof" or "typeof"));
            else if (s[i].Is(")") && calls.Count > 0)
                calls.Pop();
            if (!(s[i].Is("__entry") && i + 2 < s.Count && s[i + 1].Is("->") && s[i + 2].IsWord))
                continue;
            int end = i + 3;
            while (end < s.Count && (s[end].Is(".") || s[end].Is("->") || s[end].Is("[")))
            {
                if (s[end].Is("["))
                {
                    int depth = 0;
                    for (; end < s.Count; end++)
                    {
                        if (s[end].Is("["))
                            depth++;
                        else if (s[end].Is("]") && --depth == 0)
                            break;
                    }
                    end++;
                }
                else
                {
                    end += 2;
                }
            }
            bool assigned = end < s.Count && s[end].Text is "=" or "+=" or "-=" or "|=" or "&=" or "^=" or "*=" or "/=" or "%=" or "<<=" or ">>=" or "++" or "--";
            // Its value taken whole after a cast or an '=' may be an array's address: p32 = (__u32 *)__entry->saddr.
            bool addressed = i > 0 && (s[i - 1].Text is "&" or "++" or "--" || s[i - 1].Text is ")" or "=" && end == i + 3);
            if (assigned || addressed || calls.Contains(true))
                yield return s[i + 2].Text;
        }
        for (int i = 0; i + 2 < s.Count; i++)
        {
            if (s[i].Text.StartsWith("__assign_", StringComparison.Ordinal) || s[i].Text.StartsWith("__get_", StringComparison.Ordinal))
            {
                if (s[i + 1].Is("(") && s[i + 2].IsWord)
                    yield return s[i + 2].Text;
            }
        }
    }

    private static bool MentionsEntry(List<CToken> tokens) =>
        tokens.Any(t => t.Is("__entry") || t.Text.StartsWith("__get_", StringComparison.Ordinal));

    private static int CloseOf(List<CToken> s, int open)
    {
        int depth = 0;
        for (int i = open; i < s.Count; i++)
        {
            if (s[i].Text is "(" or "[")
                depth++;
            else if (s[i].Text is ")" or "]" && --depth == 0)
                return i;
        }
        return -1;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
