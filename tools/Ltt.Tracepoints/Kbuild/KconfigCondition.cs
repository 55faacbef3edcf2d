namespace Ltt.Tracepoints.Kbuild;

/// <summary>
/// A Kconfig dependency expression (<c>depends on</c>, <c>if</c>, a menu's condition), read into a
/// small tree so that it can be evaluated again and again while the possible symbols settle.
/// Only one question is asked of it: can it ever be true for this architecture? An undefined
/// symbol is n (as Kconfig takes it), a symbol no configuration can enable is n, any other
/// symbol may be anything; comparisons and <c>$(...)</c> macros may be anything unless one side
/// is a symbol that is n.
/// </summary>
internal abstract record KconfigCondition
{
    /// <summary>The condition that holds always (no dependency).</summary>
    public static KconfigCondition Always { get; } = new Constant(true);

    /// <summary>False only when no configuration of the architecture can make the condition true.</summary>
    public abstract bool CanHold(Func<string, bool> possible);

    public static KconfigCondition And(KconfigCondition a, KconfigCondition b) =>
        ReferenceEquals(a, Always) ? b : ReferenceEquals(b, Always) ? a : new Both(a, b);

    /// <summary>Reads an expression; anything it does not understand is taken as one that may hold.</summary>
    public static KconfigCondition Parse(string text)
    {
        var tokens = Tokenize(text);
        int at = 0;
        var result = ParseOr(tokens, ref at);
        return at == tokens.Count && result is not null ? result : Unknown.Instance;
    }

    private static KconfigCondition? ParseOr(List<string> t, ref int at)
    {
        var left = ParseAnd(t, ref at);
        while (left is not null && at < t.Count && t[at] == "||")
        {
            at++;
            var right = ParseAnd(t, ref at);
            left = right is null ? null : new Either(left, right);
        }
        return left;
    }

    private static KconfigCondition? ParseAnd(List<string> t, ref int at)
    {
        var left = ParseUnary(t, ref at);
        while (left is not null && at < t.Count && t[at] == "&&")
        {
            at++;
            var right = ParseUnary(t, ref at);
            left = right is null ? null : new Both(left, right);
        }
        return left;
    }

    private static KconfigCondition? ParseUnary(List<string> t, ref int at)
    {
        if (at >= t.Count)
            return null;
        if (t[at] == "!")
        {
            at++;
            var inner = ParseUnary(t, ref at);
            return inner is null ? null : new Not(inner);
        }
        if (t[at] == "(")
        {
            at++;
            var inner = ParseOr(t, ref at);
            if (inner is null || at >= t.Count || t[at] != ")")
                return null;
            at++;
            return inner;
        }
        string left = t[at++];
        if (at < t.Count && t[at] is "=" or "!=" or "<" or ">" or "<=" or ">=")
        {
            string op = t[at++];
            if (at >= t.Count)
                return null;
            return new Compare(left, op, t[at++]);
        }
        return Term(left);
    }

    private static KconfigCondition Term(string word) => word switch
    {
        "y" or "m" => new Constant(true),
        "n" => new Constant(false),
        _ when IsSymbol(word) => new Symbol(word),
        _ => Unknown.Instance,
    };

    private static bool IsSymbol(string word) => word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#')
            {
                break;
            }
            else if (c is '"' or '\'')
            {
                int end = text.IndexOf(c, i + 1);
                end = end < 0 ? text.Length : end + 1;
                tokens.Add("\"" + text[(i + 1)..Math.Max(i + 1, end - 1)] + "\"");
                i = end;
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '(')
            {
                int depth = 0, j = i + 1;
                for (; j < text.Length; j++)
                {
                    if (text[j] == '(')
                        depth++;
                    else if (text[j] == ')' && --depth == 0)
                        break;
                }
                tokens.Add(text[i..Math.Min(j + 1, text.Length)]);
                i = j + 1;
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "&&" or "||" or "!=" or "<=" or ">=")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if (c is '!' or '(' or ')' or '=' or '<' or '>')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('!' or '(' or ')' or '=' or '<' or '>' or '&' or '|' or '"' or '#'))
                    i++;
                if (i == start)
                    i++;
                tokens.Add(text[start..i]);
            }
        }
        return tokens;
    }

    private sealed record Constant(bool Value) : KconfigCondition
    {
        public override bool CanHold(Func<string, bool> possible) => Value;
    }

    private sealed record Unknown : KconfigCondition
    {
        public static Unknown Instance { get; } = new();

        public override bool CanHold(Func<string, bool> possible) => true;
    }

    private sealed record Symbol(string Name) : KconfigCondition
    {
        public override bool CanHold(Func<string, bool> possible) => possible(Name);
    }

    /// <summary>
    /// <c>!X</c> can hold unless X must hold: only a constant y must, since any symbol may be n.
    /// </summary>
    private sealed record Not(KconfigCondition Inner) : KconfigCondition
    {
        public override bool CanHold(Func<string, bool> possible) => Inner is not Constant { Value: true };
    }

    private sealed record Both(KconfigCondition Left, KconfigCondition Right) : KconfigCondition
    {
        public override bool CanHold(Func<string, bool> possible) => Left.CanHold(possible) && Right.CanHold(possible);
    }

    private sealed record Either(KconfigCondition Left, KconfigCondition Right) : KconfigCondition
    {
        public override bool CanHold(Func<string, bool> possible) => Left.CanHold(possible) || Right.CanHold(possible);
    }

    /// <summary><c>X = y</c>, <c>X != n</c>...: false only when X is a symbol that is always n and the comparison needs it set.</summary>
    private sealed record Compare(string Left, string Op, string Right) : KconfigCondition
    {
        public override bool CanHold(Func<string, bool> possible)
        {
            bool leftOff = IsSymbol(Left) && Left is not ("y" or "m" or "n") && !possible(Left);
            if (!leftOff)
                return true;
            return Op switch
            {
                "=" => Right is "n" or "\"n\"" or "\"\"",
                "!=" => Right is not ("n" or "\"n\""),
                _ => true,
            };
        }
    }
}
