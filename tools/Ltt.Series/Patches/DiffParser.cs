using System.Text;
using System.Text.RegularExpressions;

namespace Ltt.Series.Patches;

/// <summary>
/// Parses the diff part of a patch (<c>diff --git</c> blocks) into <see cref="FileDiff"/>s,
/// checking what git apply would reject: hunks whose line counts do not match their lines,
/// a diff cut short, paths leaving the tree (<c>..</c> or absolute), binary data without its end.
/// </summary>
public static partial class DiffParser
{
    /// <param name="lines">The patch's lines without line feeds.</param>
    /// <param name="first">Index of the first line to read.</param>
    /// <param name="lineOffset">Added to indexes to report 1-based line numbers of the file.</param>
    public static IReadOnlyList<FileDiff> Parse(string file, IReadOnlyList<string> lines, int first, int lineOffset, List<Diagnostic> diagnostics)
    {
        var diffs = new List<FileDiff>();
        int i = first;
        while (i < lines.Count)
        {
            if (!lines[i].StartsWith("diff --git ", StringComparison.Ordinal))
            {
                i++;
                continue;
            }
            int start = i;
            var diff = ParseOne(file, lines, ref i, lineOffset, diagnostics);
            if (diff is null)
                return diffs;
            var text = new StringBuilder();
            for (int k = start; k < i; k++)
                text.Append(lines[k]).Append('\n');
            diffs.Add(diff with { Text = text.ToString() });
        }
        return diffs;
    }

    private static FileDiff? ParseOne(string file, IReadOnlyList<string> lines, ref int i, int lineOffset, List<Diagnostic> diagnostics)
    {
        int headerLine = i + lineOffset;
        void Error(int at, string message) => diagnostics.Add(new Diagnostic(file, at + lineOffset, message));

        var (oldPath, newPath) = SplitDiffGit(lines[i][11..]);
        if (oldPath is null || newPath is null)
        {
            Error(i, $"cannot read the paths of '{lines[i]}'");
            return null;
        }
        FileChange change = FileChange.Modify;
        string? oldMode = null, newMode = null, indexMode = null; // "index a..b MODE" when the mode does not change
        bool binary = false;
        i++;
        for (; i < lines.Count; i++)
        {
            string l = lines[i];
            if (l.StartsWith("old mode ", StringComparison.Ordinal)) oldMode = l[9..];
            else if (l.StartsWith("new mode ", StringComparison.Ordinal)) newMode = l[9..];
            else if (l.StartsWith("deleted file mode ", StringComparison.Ordinal)) { change = FileChange.Delete; oldMode = l[18..]; }
            else if (l.StartsWith("new file mode ", StringComparison.Ordinal)) { change = FileChange.Add; newMode = l[14..]; }
            else if (l.StartsWith("rename from ", StringComparison.Ordinal)) { change = FileChange.Rename; oldPath = Unquote(l[12..]); }
            else if (l.StartsWith("rename to ", StringComparison.Ordinal)) { change = FileChange.Rename; newPath = Unquote(l[10..]); }
            else if (l.StartsWith("copy from ", StringComparison.Ordinal)) { change = FileChange.Copy; oldPath = Unquote(l[10..]); }
            else if (l.StartsWith("copy to ", StringComparison.Ordinal)) { change = FileChange.Copy; newPath = Unquote(l[8..]); }
            else if (l.StartsWith("index ", StringComparison.Ordinal)) indexMode = l.Split(' ') is [_, _, var mode] ? mode : null;
            else if (l.StartsWith("similarity index ", StringComparison.Ordinal) || l.StartsWith("dissimilarity index ", StringComparison.Ordinal)) { }
            else break;
        }
        foreach (string p in new[] { oldPath, newPath })
        {
            if (UnsafePath(p) is { } why)
            {
                Error(headerLine - lineOffset, $"path '{p}' {why}");
                return null;
            }
        }
        var hunks = new List<Hunk>();
        if (i < lines.Count && lines[i].StartsWith("Binary files ", StringComparison.Ordinal))
        {
            binary = true;
            i++;
        }
        else if (i < lines.Count && lines[i] == "GIT binary patch")
        {
            binary = true;
            i++;
            int blocks = 0;
            while (i < lines.Count && (lines[i].StartsWith("literal ", StringComparison.Ordinal) || lines[i].StartsWith("delta ", StringComparison.Ordinal)))
            {
                i++;
                while (i < lines.Count && lines[i].Length > 0)
                {
                    if (!BinaryLine().IsMatch(lines[i]))
                    {
                        Error(i, "binary patch data is damaged");
                        return null;
                    }
                    i++;
                }
                if (i >= lines.Count)
                {
                    Error(i - 1, "binary patch is cut short (no blank line after its data)");
                    return null;
                }
                i++; // the blank line closing the block
                blocks++;
            }
            if (blocks == 0)
            {
                Error(i, "'GIT binary patch' without literal or delta data");
                return null;
            }
        }
        else if (i < lines.Count && lines[i].StartsWith("--- ", StringComparison.Ordinal))
        {
            if (i + 1 >= lines.Count || !lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal))
            {
                Error(i, "'---' line not followed by a '+++' line");
                return null;
            }
            foreach (string marker in new[] { lines[i][4..], lines[i + 1][4..] })
            {
                string p = Unquote(marker.Split('\t')[0]);
                string inTree = p.StartsWith("a/", StringComparison.Ordinal) || p.StartsWith("b/", StringComparison.Ordinal) ? p[2..] : p;
                if (p != "/dev/null" && UnsafePath(inTree) is { } why)
                {
                    Error(i, $"path '{p}' {why}");
                    return null;
                }
            }
            i += 2;
            while (i < lines.Count && lines[i].StartsWith("@@ ", StringComparison.Ordinal))
            {
                var hunk = ParseHunk(lines, ref i, lineOffset, Error);
                if (hunk is null)
                    return null;
                hunks.Add(hunk);
            }
            if (hunks.Count == 0)
            {
                Error(i, "diff has ---/+++ lines but no hunk");
                return null;
            }
            if (i < lines.Count && IsDiffLine(lines[i]) && lines[i] != "-- ")
            {
                Error(i, $"a hunk has more lines than its header counts ('{Shorten(lines[i])}' after the last hunk of {newPath})");
                return null;
            }
        }
        else if (change == FileChange.Modify && oldMode is null && newMode is null && oldPath == newPath)
        {
            Error(headerLine - lineOffset, $"diff of {newPath} has no hunk: the patch is cut short");
            return null;
        }
        if ((newMode ?? indexMode) == SymlinkMode && change != FileChange.Delete)
        {
            string? why = binary ? "has binary content, so where it points cannot be checked"
                : UnsafeLinkTarget(newPath, string.Join('\n', hunks.SelectMany(h => h.Added)));
            if (why is not null)
            {
                Error(headerLine - lineOffset, $"symbolic link '{newPath}' {why}");
                return null;
            }
        }
        return new FileDiff(oldPath, newPath, change, oldMode, newMode, binary, hunks, "", headerLine);
    }

    private const string SymlinkMode = "120000";

    private static Hunk? ParseHunk(IReadOnlyList<string> lines, ref int i, int lineOffset, Action<int, string> error)
    {
        var m = HunkHeader().Match(lines[i]);
        if (!m.Success)
        {
            error(i, $"malformed hunk header '{lines[i]}'");
            return null;
        }
        int headerAt = i;
        int oldCount = 1, newCount = 1;
        if (!int.TryParse(m.Groups[1].Value, out int oldStart) || !int.TryParse(m.Groups[3].Value, out int newStart)
            || m.Groups[2].Success && !int.TryParse(m.Groups[2].Value, out oldCount) || m.Groups[4].Success && !int.TryParse(m.Groups[4].Value, out newCount))
        {
            error(i, $"hunk header '{Shorten(lines[i])}' has a line number or count too large");
            return null;
        }
        int oldLeft = oldCount, newLeft = newCount;
        var body = new List<string>();
        i++;
        while (oldLeft > 0 || newLeft > 0)
        {
            if (i >= lines.Count)
            {
                error(i - 1, $"patch ends inside the hunk started at line {headerAt + lineOffset} ({oldLeft} old and {newLeft} new lines missing): truncated patch");
                return null;
            }
            string l = lines[i];
            char c = l.Length == 0 ? ' ' : l[0]; // git tolerates context lines whose space was eaten
            if (c == ' ' && oldLeft > 0 && newLeft > 0) { oldLeft--; newLeft--; }
            else if (c == '-' && oldLeft > 0) oldLeft--;
            else if (c == '+' && newLeft > 0) newLeft--;
            else if (c == '\\') { }
            else
            {
                error(i, $"the hunk at line {headerAt + lineOffset} says -{oldStart},{oldCount} +{newStart},{newCount} but its lines do not add up ('{Shorten(l)}' with {oldLeft} old and {newLeft} new lines left)");
                return null;
            }
            body.Add(l.Length == 0 ? " " : l);
            i++;
        }
        if (i < lines.Count && lines[i].StartsWith('\\'))
        {
            body.Add(lines[i]);
            i++;
        }
        return new Hunk(oldStart, oldCount, newStart, newCount, m.Groups[5].Value, body, headerAt + lineOffset);
    }

    private static bool IsDiffLine(string l) => l.Length > 0 && l[0] is '+' or '-' or ' ';

    /// <summary>
    /// Why a path may not be applied, or null when it is fine: it leaves the tree, or it is one
    /// git apply refuses too (a '.git' component in any case, which would write into the
    /// repository's own files; '.' or an empty component).
    /// </summary>
    public static string? UnsafePath(string path)
    {
        if (path.Length == 0)
            return "is empty";
        if (path.StartsWith('/'))
            return "is absolute";
        string[] parts = path.Split('/');
        if (parts.Any(part => part == ".."))
            return "leaves the tree ('..')";
        if (parts.Any(part => part.Equals(".git", StringComparison.OrdinalIgnoreCase)))
            return "writes into the repository's .git folder";
        if (parts.Any(part => part is "." or ""))
            return "has a '.' or empty component";
        return null;
    }

    /// <summary>Why a symbolic link at <paramref name="link"/> may not point to <paramref name="target"/> (out of the tree), or null when it stays inside.</summary>
    public static string? UnsafeLinkTarget(string link, string target)
    {
        if (target.StartsWith('/'))
            return $"points to an absolute path ('{Shorten(target)}')";
        int depth = link.Split('/', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        foreach (string part in target.Split('/'))
        {
            depth += part switch { ".." => -1, "" or "." => 0, _ => 1 };
            if (depth < 0)
                return $"points out of the tree ('{Shorten(target)}')";
        }
        return null;
    }

    private static (string? Old, string? New) SplitDiffGit(string rest)
    {
        if (rest.StartsWith('"'))
        {
            int end = ClosingQuote(rest, 0);
            if (end < 0) return (null, null);
            string a = Unquote(rest[..(end + 1)]);
            string b = Unquote(rest[(end + 1)..].TrimStart());
            return (StripPrefix(a), StripPrefix(b));
        }
        // Without quotes the two paths are "a/X b/X": find the split where both halves agree.
        int mid = rest.IndexOf(" b/", StringComparison.Ordinal);
        if (!rest.StartsWith("a/", StringComparison.Ordinal) || mid < 0)
            return (null, null);
        for (int at = mid; at >= 0; at = rest.IndexOf(" b/", at + 1, StringComparison.Ordinal))
        {
            string a = rest[2..at], b = rest[(at + 3)..];
            if (a == b)
                return (a, b);
        }
        return (rest[2..mid], rest[(mid + 3)..]);
    }

    private static string? StripPrefix(string p) => p.Length > 2 && p[1] == '/' ? p[2..] : null;

    private static int ClosingQuote(string s, int open)
    {
        for (int k = open + 1; k < s.Length; k++)
        {
            if (s[k] == '\\') k++;
            else if (s[k] == '"') return k;
        }
        return -1;
    }

    /// <summary>Undoes git's C-style quoting of a path ("a/caf\303\251.c").</summary>
    public static string Unquote(string s)
    {
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"')
            return s;
        var bytes = new List<byte>();
        for (int k = 1; k < s.Length - 1; k++)
        {
            char c = s[k];
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            char e = s[++k];
            // Exactly three octal digits, at most \377, as git writes them; anything else is taken as written.
            if (e is >= '0' and <= '3' && k + 2 < s.Length - 1 && s[k + 1] is >= '0' and <= '7' && s[k + 2] is >= '0' and <= '7')
            {
                bytes.Add(Convert.ToByte(s.Substring(k, 3), 8));
                k += 2;
                continue;
            }
            bytes.Add((byte)(e switch { 'n' => '\n', 't' => '\t', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'r' => '\r', 'v' => '\v', _ => e }));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Shorten(string s) => s.Length <= 50 ? s : s[..47] + "...";

    [GeneratedRegex(@"^@@ -([0-9]+)(?:,([0-9]+))? \+([0-9]+)(?:,([0-9]+))? @@ ?(.*)$")]
    private static partial Regex HunkHeader();

    [GeneratedRegex(@"^[A-Za-z][0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]+$")]
    private static partial Regex BinaryLine();
}
