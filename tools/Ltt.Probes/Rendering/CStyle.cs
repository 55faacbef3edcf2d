using System.Collections;
using System.Text;

namespace Ltt.Probes.Rendering;

/// <summary>
/// Kernel-style text helpers the templates call: wrap a call or a prototype at 80 columns
/// (tabs count to the next multiple of 8), quote a C string, measure a line. Imported into
/// every template as functions (<c>wrap_call</c>, <c>wrap_statement</c>, <c>fits</c>, <c>columns</c>...).
/// </summary>
public static class CStyle
{
    public const int MaxColumns = 80;

    /// <summary>
    /// <c>prefix</c> + items joined by ", " + <c>suffix</c>, on one line when it fits in 80 columns,
    /// else broken after commas with continuation lines indented two tabs deeper than the first
    /// (and after the opening parenthesis when even the first item does not fit).
    /// </summary>
    public static string WrapCall(string prefix, IEnumerable items, string suffix)
    {
        var parts = items.Cast<object?>().Select(i => i?.ToString() ?? "").ToList();
        string oneLine = prefix + string.Join(", ", parts) + suffix;
        if (Fits(oneLine) || parts.Count == 0)
            return oneLine;

        string indent = new(prefix.TakeWhile(c => c == '\t').ToArray());
        string continuation = indent + "\t\t";
        var text = new StringBuilder();
        var line = new StringBuilder(prefix);
        for (int i = 0; i < parts.Count; i++)
        {
            string piece = parts[i] + (i == parts.Count - 1 ? suffix : ",");
            bool first = line.Length == prefix.Length && line.ToString() == prefix;
            string candidate = first ? line + piece : line + " " + piece;
            if (first && Columns(candidate) > MaxColumns && Columns(continuation + piece) < Columns(candidate))
            {
                // A first item too long for the opening line starts the continuation lines.
                text.Append(prefix).Append('\n');
                line.Clear().Append(continuation).Append(piece);
            }
            else if (!first && Columns(candidate) > MaxColumns && line.ToString().Trim().Length > 0)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(continuation).Append(piece);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }
        text.Append(line);
        return text.ToString();
    }

    /// <summary>
    /// A statement (or a declaration) at <paramref name="indent"/>, each of its lines indented so;
    /// a one-line statement that passes 80 columns is broken after its assignment's <c>=</c>, the
    /// value on the next line <paramref name="deeper"/> further in. The assignment is the first
    /// <c>" = "</c> outside parentheses, and a statement opening with <c>if</c>, <c>for</c>,
    /// <c>while</c> or <c>switch</c> has none of its own: it stays whole.
    /// </summary>
    public static string WrapStatement(string indent, string deeper, string statement)
    {
        string line = indent + statement.Replace("\n", "\n" + indent, StringComparison.Ordinal);
        if (statement.Contains('\n') || Fits(line) || StartsWithControl(statement))
            return line;
        int depth = 0;
        for (int i = 0; i + 3 <= statement.Length; i++)
        {
            char c = statement[i];
            if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (depth == 0 && string.CompareOrdinal(statement, i, " = ", 0, 3) == 0)
                return indent + statement[..(i + 2)] + "\n" + indent + deeper + statement[(i + 3)..];
        }
        return line;
    }

    private static bool StartsWithControl(string statement)
    {
        int end = 0;
        while (end < statement.Length && (char.IsAsciiLetterOrDigit(statement[end]) || statement[end] == '_'))
            end++;
        return statement[..end] is "if" or "for" or "while" or "switch";
    }

    /// <summary>
    /// <paramref name="text"/> as lines that each start with <paramref name="linePrefix"/> (<c>" * "</c>
    /// in a block comment) and fit in 80 columns, broken at spaces; a word longer than a line
    /// stays whole.
    /// </summary>
    public static string WrapWords(string linePrefix, string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder(linePrefix);
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool empty = line.Length == linePrefix.Length;
            if (!empty && Columns(line + " " + word) > MaxColumns)
            {
                lines.Add(line.ToString());
                line.Clear().Append(linePrefix);
                empty = true;
            }
            line.Append(empty ? word : " " + word);
        }
        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }

    /// <summary>A C string literal (quotes included) for <paramref name="text"/>.</summary>
    public static string CString(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>Whether a line fits in 80 columns (a template's choice between a one-line and a longer form).</summary>
    public static bool Fits(string line) => Columns(line) <= MaxColumns;

    /// <summary>The display width of a line, with tabs to the next multiple of 8.</summary>
    public static int Columns(string line)
    {
        int column = 0;
        foreach (char c in line)
            column = c == '\t' ? (column / 8 + 1) * 8 : column + 1;
        return column;
    }
}
