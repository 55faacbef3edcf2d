using System.Text;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Reads a TP_fast_assign <c>if</c> statement that only chooses field values:
/// <c>if (c) __entry-&gt;a = x; else if (d) { __entry-&gt;a = y; __entry-&gt;b = z; } else ...</c>,
/// conditions and values reading no entry field. It is rewritten one statement per line in
/// kernel style (braces on every arm when one arm has several statements), so that the probe
/// can run it as written with <c>__entry-&gt;f</c> turned into its locals.
/// </summary>
internal static class BranchStatement
{
    /// <summary>The statement rewritten, and every field it assigns; null when it is not of that form.</summary>
    public static (string Text, IReadOnlyList<string> Fields)? Read(List<CToken> s)
    {
        int at = 0;
        var arms = new List<(string? Condition, List<(string Field, string Value)> Assignments)>();
        if (!ReadIf(s, ref at, arms) || at != s.Count)
            return null;
        bool braces = arms.Any(a => a.Assignments.Count != 1);
        var text = new StringBuilder();
        for (int i = 0; i < arms.Count; i++)
        {
            var (condition, assignments) = arms[i];
            string head = i == 0 ? $"if ({condition})" : condition is null ? "else" : $"else if ({condition})";
            if (braces)
                text.Append(i == 0 ? "" : " ").Append(head).Append(" {\n");
            else
                text.Append(i == 0 ? "" : "\n").Append(head).Append('\n');
            foreach (var (field, value) in assignments)
                text.Append('\t').Append("__entry->").Append(field).Append(" = ").Append(value).Append(";\n");
            if (braces)
                text.Append('}');
            else
                text.Length--;
        }
        var fields = arms.SelectMany(a => a.Assignments.Select(x => x.Field)).Distinct().ToList();
        return (text.ToString(), fields);
    }

    private static bool ReadIf(List<CToken> s, ref int at, List<(string?, List<(string, string)>)> arms)
    {
        if (at + 1 >= s.Count || !s[at].Is("if") || !s[at + 1].Is("("))
            return false;
        int close = Close(s, at + 1);
        if (close < 0 || close == at + 2)
            return false;
        var condition = s.GetRange(at + 2, close - at - 2);
        if (ReadsEntry(condition))
            return false;
        at = close + 1;
        if (ReadBody(s, ref at) is not { } body)
            return false;
        arms.Add((CTokens.Join(condition), body));
        if (at < s.Count && s[at].Is("else"))
        {
            at++;
            if (at < s.Count && s[at].Is("if"))
                return ReadIf(s, ref at, arms);
            if (ReadBody(s, ref at) is not { } rest)
                return false;
            arms.Add((null, rest));
        }
        return true;
    }

    /// <summary><c>{ assignment; ... }</c> or one assignment.</summary>
    private static List<(string, string)>? ReadBody(List<CToken> s, ref int at)
    {
        var assignments = new List<(string, string)>();
        if (at < s.Count && s[at].Is("{"))
        {
            int close = Close(s, at);
            if (close < 0)
                return null;
            int i = at + 1;
            while (i < close)
            {
                if (ReadAssignment(s, ref i, close) is not { } one)
                    return null;
                assignments.Add(one);
            }
            at = close + 1;
            return assignments.Count > 0 ? assignments : null;
        }
        if (ReadAssignment(s, ref at, s.Count) is not { } single)
            return null;
        assignments.Add(single);
        return assignments;
    }

    /// <summary><c>__entry-&gt;f = EXPR;</c> (the ';' may be missing at the very end of the statement).</summary>
    private static (string, string)? ReadAssignment(List<CToken> s, ref int at, int end)
    {
        if (at + 4 >= end || !s[at].Is("__entry") || !s[at + 1].Is("->") || !s[at + 2].IsWord || !s[at + 3].Is("="))
            return null;
        int depth = 0, i = at + 4;
        for (; i < end; i++)
        {
            if (s[i].Text is "(" or "[" or "{")
                depth++;
            else if (s[i].Text is ")" or "]" or "}")
                depth--;
            else if (depth == 0 && (s[i].Is(";") || s[i].Is("else")))
                break;
        }
        var value = s.GetRange(at + 4, i - at - 4);
        if (value.Count == 0 || ReadsEntry(value) || value.Any(t => t.Is("=") || t.Is("if")))
            return null;
        string field = s[at + 2].Text;
        at = i < end && s[i].Is(";") ? i + 1 : i;
        return (field, CTokens.Join(value));
    }

    private static bool ReadsEntry(List<CToken> tokens) =>
        tokens.Any(t => t.Is("__entry") || t.Text.StartsWith("__get_", StringComparison.Ordinal) || t.Text.StartsWith("__assign_", StringComparison.Ordinal));

    private static int Close(List<CToken> s, int open)
    {
        int depth = 0;
        for (int i = open; i < s.Count; i++)
        {
            if (s[i].Text is "(" or "[" or "{")
                depth++;
            else if (s[i].Text is ")" or "]" or "}" && --depth == 0)
                return i;
        }
        return -1;
    }
}
