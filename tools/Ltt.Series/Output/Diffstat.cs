using System.Text;
using Ltt.Series.Patches;

namespace Ltt.Series.Output;

/// <summary>
/// The diffstat block git format-patch writes under the <c>---</c> line (72 columns): one
/// scaled +/- line per file, renames as <c>dir/{old =&gt; new}</c>, the summary line, and the
/// create/delete/rename/mode lines.
/// </summary>
public static class Diffstat
{
    private const int Width = 72;

    public static string Render(IReadOnlyList<FileDiff> diffs) => Render(diffs.Select(DiffstatRow.From).ToList());

    public static string Render(IReadOnlyList<DiffstatRow> rows)
    {
        int maxLen = rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length);
        int maxChange = 0, numberWidth = 0, binWidth = 0;
        foreach (var r in rows)
        {
            if (r.IsBinary)
            {
                long oldSize = r.OldSize, newSize = r.NewSize;
                int w = 14 + Digits(oldSize) + Digits(newSize);
                binWidth = Math.Max(binWidth, w);
                numberWidth = 3;
                continue;
            }
            maxChange = Math.Max(maxChange, r.Added + r.Deleted);
        }
        numberWidth = Math.Max(Digits(maxChange), numberWidth);
        int width = Math.Max(Width, 16 + 6 + numberWidth);
        int graphWidth = maxChange + 4 > binWidth ? maxChange : binWidth - 4;
        int nameWidth = maxLen;
        if (nameWidth + numberWidth + 6 + graphWidth > width)
        {
            if (graphWidth > width * 3 / 8 - numberWidth - 6)
            {
                graphWidth = width * 3 / 8 - numberWidth - 6;
                if (graphWidth < 6)
                    graphWidth = 6;
            }
            if (nameWidth > width - numberWidth - 6 - graphWidth)
                nameWidth = width - numberWidth - 6 - graphWidth;
            else
                graphWidth = width - numberWidth - 6 - nameWidth;
        }
        var sb = new StringBuilder();
        int files = 0, insertions = 0, deletions = 0;
        foreach (var r in rows)
        {
            files++;
            string name = r.Name, prefix = "";
            int len = nameWidth;
            if (nameWidth < name.Length)
            {
                prefix = "...";
                len = Math.Max(0, len - 3);
                name = name[(name.Length - len)..];
                int slash = name.IndexOf('/');
                if (slash >= 0)
                    name = name[slash..];
            }
            int padding = Math.Max(0, len - name.Length);
            if (r.IsBinary)
            {
                long oldSize = r.OldSize, newSize = r.NewSize;
                sb.Append(' ').Append(prefix).Append(name).Append(' ', padding).Append(" | ").Append("Bin".PadLeft(numberWidth));
                sb.Append($" {oldSize} -> {newSize} bytes\n");
                continue;
            }
            insertions += r.Added;
            deletions += r.Deleted;
            int add = r.Added, del = r.Deleted;
            if (graphWidth <= maxChange)
            {
                int total = Scale(add + del, graphWidth, maxChange);
                if (total < 2 && add > 0 && del > 0)
                    total = 2;
                if (add < del)
                {
                    add = Scale(add, graphWidth, maxChange);
                    del = total - add;
                }
                else
                {
                    del = Scale(del, graphWidth, maxChange);
                    add = total - del;
                }
            }
            int changes = r.Added + r.Deleted;
            sb.Append(' ').Append(prefix).Append(name).Append(' ', padding).Append(" | ")
              .Append(changes.ToString().PadLeft(numberWidth)).Append(changes > 0 ? " " : "")
              .Append('+', add).Append('-', del).Append('\n');
        }
        sb.Append(' ').Append(files).Append(files == 1 ? " file changed" : " files changed");
        if (insertions > 0 || deletions == 0)
            sb.Append(", ").Append(insertions).Append(insertions == 1 ? " insertion(+)" : " insertions(+)");
        if (deletions > 0 || insertions == 0)
            sb.Append(", ").Append(deletions).Append(deletions == 1 ? " deletion(-)" : " deletions(-)");
        sb.Append('\n');
        foreach (var r in rows)
            sb.Append(r.Summary);
        return sb.ToString();
    }

    internal static string Summary(FileChange change, string oldPath, string newPath, string? oldMode, string? newMode, int similarity) => change switch
    {
        FileChange.Add => $" create mode {newMode} {newPath}\n",
        FileChange.Delete => $" delete mode {oldMode} {oldPath}\n",
        FileChange.Rename or FileChange.Copy => $" {(change == FileChange.Rename ? "rename" : "copy")} {RenameName(oldPath, newPath)} ({similarity}%)\n"
            + (oldMode is not null && newMode is not null && oldMode != newMode ? $" mode change {oldMode} => {newMode}\n" : ""),
        _ => oldMode is not null && newMode is not null && oldMode != newMode ? $" mode change {oldMode} => {newMode} {newPath}\n" : "",
    };

    internal static int Similarity(FileDiff d)
    {
        foreach (string line in d.Text.Split('\n'))
        {
            if (line.StartsWith("similarity index ", StringComparison.Ordinal) && int.TryParse(line[17..].TrimEnd('%'), out int s))
                return s;
        }
        return 100;
    }

    internal static string DisplayName(FileChange change, string oldPath, string newPath) =>
        change is FileChange.Rename or FileChange.Copy ? RenameName(oldPath, newPath) : change == FileChange.Delete ? oldPath : newPath;

    /// <summary>git's pprint_rename: the common directory prefix and suffix outside braces.</summary>
    private static string RenameName(string a, string b)
    {
        int pfx = 0;
        for (int i = 0; i < a.Length && i < b.Length && a[i] == b[i]; i++)
            if (a[i] == '/')
                pfx = i + 1;
        int sfx = 0;
        int ai = a.Length - 1, bi = b.Length - 1;
        while (ai >= pfx && bi >= pfx && a[ai] == b[bi])
        {
            if (a[ai] == '/')
                sfx = a.Length - ai;
            ai--;
            bi--;
        }
        int aMid = a.Length - pfx - sfx, bMid = b.Length - pfx - sfx;
        if (aMid < 0) aMid = 0;
        if (bMid < 0) bMid = 0;
        if (pfx == 0 && sfx == 0)
            return $"{a} => {b}";
        return a[..pfx] + "{" + a.Substring(pfx, aMid) + " => " + b.Substring(pfx, bMid) + "}" + a[(a.Length - sfx)..];
    }

    internal static (long Old, long New) BinarySizes(FileDiff d)
    {
        // "literal N" blocks: the first is the new content, the second the old one.
        var sizes = d.Text.Split('\n').Where(l => l.StartsWith("literal ", StringComparison.Ordinal) || l.StartsWith("delta ", StringComparison.Ordinal))
            .Select(l => long.TryParse(l[(l.IndexOf(' ') + 1)..], out long v) ? v : 0).ToList();
        long newSize = sizes.Count > 0 ? sizes[0] : 0, oldSize = sizes.Count > 1 ? sizes[1] : 0;
        return (oldSize, newSize);
    }

    private static int Scale(int it, int width, int max) => it == 0 ? 0 : 1 + (it * (width - 1) / max);

    private static int Digits(long n)
    {
        int w = 1;
        for (long v = n; v >= 10; v /= 10)
            w++;
        return w;
    }
}
