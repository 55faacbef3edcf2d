using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// The free names of a piece of C text (a TP_fast_assign body, a macro body): the identifiers that
/// must be declared where the text is compiled. Members (after <c>.</c> and <c>-&gt;</c>), struct,
/// union and enum tags, keywords, compiler builtins, attribute contents, pasted and stringified
/// tokens, and names the text declares itself (<c>type name =</c>) are not free.
/// </summary>
internal static class CNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Bool", "_Complex", "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local",
        "asm", "__asm", "__asm__", "typeof", "__typeof", "__typeof__", "__auto_type", "__extension__", "__inline",
        "__inline__", "__volatile__", "__const", "__const__", "__signed", "__signed__", "__restrict", "__restrict__",
        "__alignof", "__alignof__", "__label__", "__int128", "__seg_gs", "__seg_fs", "__func__", "__real__", "__imag__",
    };

    private static readonly HashSet<string> TypeKeywords = new(StringComparer.Ordinal)
    {
        "char", "short", "int", "long", "signed", "unsigned", "float", "double", "void", "_Bool", "const", "volatile",
        "__signed__", "__int128", "__const", "__volatile__", "restrict", "__restrict",
    };

    /// <summary>One token: an identifier, a punctuator, or a literal (kept only as a placeholder).</summary>
    internal readonly record struct Tok(bool IsIdentifier, string Text);

    /// <summary>Whether the compiler knows <paramref name="name"/> without any declaration.</summary>
    public static bool IsBuiltin(string name) =>
        Keywords.Contains(name) || name.StartsWith("__builtin_", StringComparison.Ordinal) || name.StartsWith("__atomic_", StringComparison.Ordinal) ||
        name.StartsWith("__sync_", StringComparison.Ordinal) || name is "__VA_ARGS__" or "__VA_OPT__" or "__attribute__" or "__attribute" ||
        name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) && char.IsAsciiLetterUpper(name[2]);

    /// <summary>The scan's tokens as <see cref="Tok"/>s: a literal becomes a placeholder (its contents name nothing).</summary>
    public static List<Tok> FromModel(IReadOnlyList<CToken> tokens) => tokens.Select(t => t.Kind switch
    {
        CTokenKind.Identifier or CTokenKind.Keyword => new Tok(true, t.Text),
        CTokenKind.Literal when t.Text.EndsWith('"') => new Tok(false, "\"\""),
        CTokenKind.Literal when t.Text.EndsWith('\'') => new Tok(false, "''"),
        CTokenKind.Literal => new Tok(false, "0"),
        _ => new Tok(false, t.Text),
    }).ToList();

    /// <summary>
    /// The free names of <paramref name="tokens"/>, each once, in order. <paramref name="bound"/> names are
    /// not free (macro parameters, tracepoint arguments). <paramref name="wordArguments"/> says, for a
    /// function-like macro the text calls, which of its arguments are words, not names (offsetof's
    /// member, a prefix the macro pastes): an identifier there is not free.
    /// </summary>
    public static List<string> Free(IReadOnlyList<Tok> tokens, IReadOnlySet<string> bound, Func<string, IReadOnlySet<int>?> wordArguments)
    {
        var declared = Declared(tokens);
        var skip = new bool[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            Tok t = tokens[i];
            if (!t.IsIdentifier || i + 1 >= tokens.Count || tokens[i + 1].Text != "(")
                continue;
            if (t.Text is "__attribute__" or "__attribute" || t.Text.StartsWith("__get_", StringComparison.Ordinal) ||
                t.Text.StartsWith("__assign_", StringComparison.Ordinal))
            {
                // An attribute's words are no names; a helper's first argument names an entry field.
                if (t.Text.StartsWith("__attr", StringComparison.Ordinal))
                    MarkArguments(tokens, i + 1, skip, _ => true);
                else
                    MarkArguments(tokens, i + 1, skip, n => n == 0);
                continue;
            }
            IReadOnlySet<int>? members = t.Text is "offsetof" or "__builtin_offsetof" ? new HashSet<int> { 1 } : wordArguments(t.Text);
            if (members is { Count: > 0 })
                MarkArguments(tokens, i + 1, skip, members.Contains);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var free = new List<string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            Tok t = tokens[i];
            if (!t.IsIdentifier || skip[i] || bound.Contains(t.Text) || declared.Contains(t.Text) || IsBuiltin(t.Text) || t.Text == "__entry")
                continue;
            string prev = i > 0 ? tokens[i - 1].Text : "";
            string next = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
            if (prev is "." or "->" or "struct" or "union" or "enum" or "#" or "##" or "goto" || next == "##")
                continue;
            if (prev == "[" && next == "]" && i + 2 < tokens.Count && tokens[i + 2].Text == "\"\"")
                continue; // an asm operand's name
            if (next == ":" && prev is "{" or ";" or "}" or "")
                continue; // a label
            if (seen.Add(t.Text))
                free.Add(t.Text);
        }
        return free;
    }

    /// <summary>The names the text declares: an identifier after a type word, a '*' or a typeof(...) and before '=', ';', ',' or '['.</summary>
    private static HashSet<string> Declared(IReadOnlyList<Tok> tokens)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i + 1 < tokens.Count; i++)
        {
            Tok t = tokens[i], prev = tokens[i - 1];
            if (!t.IsIdentifier || Keywords.Contains(t.Text) || tokens[i + 1].Text is not ("=" or ";" or "," or "["))
                continue;
            bool typeWord = prev.IsIdentifier && (!Keywords.Contains(prev.Text) || TypeKeywords.Contains(prev.Text));
            bool pointer = prev.Text == "*" && i >= 2 && (tokens[i - 2].IsIdentifier || tokens[i - 2].Text == "*");
            if (typeWord || pointer || prev.Text == ")" && IsStatementStartBefore(tokens, i - 1))
                declared.Add(t.Text);
        }
        return declared;
    }

    /// <summary>Whether the ')' at <paramref name="close"/> closes a typeof(...) that starts a declaration.</summary>
    private static bool IsStatementStartBefore(IReadOnlyList<Tok> tokens, int close)
    {
        int depth = 0;
        for (int j = close; j >= 0; j--)
        {
            if (tokens[j].Text == ")")
                depth++;
            else if (tokens[j].Text == "(" && --depth == 0)
                return j > 0 && tokens[j - 1].Text is "typeof" or "__typeof__" or "__typeof";
        }
        return false;
    }

    /// <summary>Marks the identifiers of the call's arguments at <paramref name="open"/> that <paramref name="which"/> selects.</summary>
    private static void MarkArguments(IReadOnlyList<Tok> tokens, int open, bool[] skip, Func<int, bool> which)
    {
        int depth = 0, argument = 0;
        for (int j = open; j < tokens.Count; j++)
        {
            string s = tokens[j].Text;
            if (s is "(" or "[" or "{")
            {
                depth++;
                continue;
            }
            if (s is ")" or "]" or "}")
            {
                if (--depth == 0)
                    return;
                continue;
            }
            if (depth == 1 && s == ",")
                argument++;
            else if (tokens[j].IsIdentifier && which(argument))
                skip[j] = true;
        }
    }

    /// <summary>
    /// A macro definition's tokens as libclang reads them (<c>NAME body</c>, or <c>NAME(params) body</c> when
    /// <paramref name="functionLike"/>) split into its parameters and body.
    /// </summary>
    public static (IReadOnlyList<string>? Parameters, List<Tok> Body) Macro(IReadOnlyList<CToken> definition, bool functionLike)
    {
        if (!functionLike)
            return (null, FromModel(definition.Skip(1).ToList()));
        int close = -1;
        for (int i = 2; i < definition.Count && close < 0; i++)
        {
            if (definition[i].Is(")"))
                close = i;
        }
        if (close < 0)
            return ([], []);
        var parameters = new List<string>();
        for (int i = 2; i < close; i++)
        {
            // A parameter is one name, "...", or a name and "..." (GNU's named variadic parameter).
            if (definition[i].Is(","))
                continue;
            if (!definition[i - 1].Is(",") && !definition[i - 1].Is("("))
                continue;
            parameters.Add(definition[i].Is("...") ? "__VA_ARGS__" : definition[i].Text);
        }
        return (parameters, FromModel(definition.Skip(close + 1).ToList()));
    }
}
