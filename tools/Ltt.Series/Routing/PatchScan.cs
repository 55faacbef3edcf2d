using System.Text.RegularExpressions;
using Ltt.Series.Maintainers;

namespace Ltt.Series.Routing;

/// <summary>
/// What get_maintainer.pl reads out of a patch file, line by line: the paths it names
/// (diff headers, ---/+++ lines, renames, mode changes; sorted, unique) and the <c>K:</c>
/// keywords that match, before the diff on any line and inside it on added or removed lines.
/// </summary>
public sealed partial record PatchScan(IReadOnlyList<string> Files, IReadOnlyList<MaintainersEntry> Keywords)
{
    /// <param name="lines">The patch's lines, each with its line feed, as the script reads them.</param>
    public static PatchScan Read(IEnumerable<string> lines, MaintainersIndex index)
    {
        var files = new List<string>();
        var keywords = new HashSet<MaintainersEntry>();
        bool inDiff = false;
        foreach (string line in lines)
        {
            Match m;
            if ((m = ModeChange().Match(line)).Success || (m = Rename().Match(line)).Success)
            {
                files.Add(m.Groups[1].Value);
            }
            else if ((m = DiffGit().Match(line)).Success)
            {
                files.Add(m.Groups[1].Value);
                files.Add(m.Groups[2].Value);
            }
            else if (Fixes().IsMatch(line) || HunkHeader().IsMatch(line))
            {
                // Fixes: and blame ranges only matter to the git modes, which are off.
            }
            else if ((m = NewFile().Match(line)).Success || (m = OldFile().Match(line)).Success)
            {
                string name = m.Groups[1].Value;
                int slash = name.IndexOf('/');
                files.Add(slash >= 0 ? name[(slash + 1)..] : name);
                inDiff = true;
            }
            else if (index.KeywordScreen()?.IsMatch(line) != false)
            {
                foreach (var keyword in index.Keywords)
                {
                    if (keyword.Matches(line, inDiff))
                        keywords.Add(keyword.Entry);
                }
            }
        }
        files.Sort(string.CompareOrdinal);
        var unique = new List<string>(files.Count);
        foreach (string f in files)
        {
            if (unique.Count == 0 || unique[^1] != f)
                unique.Add(f);
        }
        // The script sorts keyword line numbers as strings.
        var sortedKeywords = keywords.OrderBy(k => k.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal).ToList();
        return new PatchScan(unique, sortedKeywords);
    }

    /// <summary>The paths the script reads out of a patch (sorted, unique), without the keywords: enough to know which MAINTAINERS patterns can matter.</summary>
    public static IReadOnlyList<string> Paths(string patchText)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string line in Lines(patchText))
        {
            Match m;
            if ((m = ModeChange().Match(line)).Success || (m = Rename().Match(line)).Success)
            {
                files.Add(m.Groups[1].Value);
            }
            else if ((m = DiffGit().Match(line)).Success)
            {
                files.Add(m.Groups[1].Value);
                files.Add(m.Groups[2].Value);
            }
            else if (!Fixes().IsMatch(line) && !HunkHeader().IsMatch(line) && ((m = NewFile().Match(line)).Success || (m = OldFile().Match(line)).Success))
            {
                string name = m.Groups[1].Value;
                int slash = name.IndexOf('/');
                files.Add(slash >= 0 ? name[(slash + 1)..] : name);
            }
        }
        return [.. files];
    }

    /// <summary>Splits text into lines that keep their line feed, as Perl's readline does.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            if (nl < 0)
            {
                yield return text[start..];
                yield break;
            }
            yield return text[start..(nl + 1)];
            start = nl + 1;
        }
    }

    [GeneratedRegex(@"^ mode change [0-7]+ => [0-7]+ (\S+)\s*$")]
    private static partial Regex ModeChange();

    [GeneratedRegex(@"^rename (?:from|to) (\S+)\s*$")]
    private static partial Regex Rename();

    [GeneratedRegex(@"^diff --git a/(\S+) b/(\S+)\s*$")]
    private static partial Regex DiffGit();

    [GeneratedRegex(@"^Fixes:\s+[0-9a-fA-F]{6,40}")]
    private static partial Regex Fixes();

    [GeneratedRegex(@"^\+\+\+\s+(\S+)")]
    private static partial Regex NewFile();

    [GeneratedRegex(@"^---\s+(\S+)")]
    private static partial Regex OldFile();

    [GeneratedRegex(@"^@@ -([0-9]+),([0-9]+)")]
    private static partial Regex HunkHeader();
}
