using System.Text.RegularExpressions;

namespace Ltt.EndToEnd.Tests.KernelTree;

/// <summary>One section of a MAINTAINERS file: its title and its tag lines in order.</summary>
public sealed record MaintainersSection(string Name, IReadOnlyList<(char Tag, string Value)> Entries)
{
    public IEnumerable<string> Values(char tag) => Entries.Where(e => e.Tag == tag).Select(e => e.Value);

    /// <summary>
    /// Whether the section covers <paramref name="path"/> the way scripts/get_maintainer.pl decides it: X: patterns
    /// exclude first, then an F: pattern or an N: regex must match.
    /// </summary>
    public bool Covers(string path) =>
        !Values('X').Any(x => MaintainersFile.PatternMatches(x, path))
        && (Values('F').Any(f => MaintainersFile.PatternMatches(f, path))
            || Values('N').Any(n => Regex.IsMatch(path, n)));
}

/// <summary>
/// A deliberately small reader of the MAINTAINERS format, written for the kernel-tree tests only (the toolkit's own
/// parser lives in Ltt.Series): sections start after the "Maintainers List" heading, a section is a title line followed
/// by "X:\tvalue" lines, and sections are separated by blank lines.
/// </summary>
public static class MaintainersFile
{
    private static readonly Regex EntryLine = new(@"^([A-Z]):\s*(.*)$");

    public static IReadOnlyList<MaintainersSection> Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        int start = Array.IndexOf(lines, "Maintainers List");
        if (start < 0)
            throw new InvalidDataException($"{path}: no 'Maintainers List' heading");

        var sections = new List<MaintainersSection>();
        string? name = null;
        var entries = new List<(char, string)>();
        foreach (string line in lines.Skip(start + 2))
        {
            Match match = EntryLine.Match(line);
            if (match.Success && name is not null)
            {
                entries.Add((match.Groups[1].Value[0], match.Groups[2].Value));
            }
            else if (string.IsNullOrWhiteSpace(line))
            {
                if (name is not null)
                    sections.Add(new MaintainersSection(name, entries.ToArray()));
                name = null;
                entries.Clear();
            }
            else if (!char.IsWhiteSpace(line[0]) && !line.StartsWith("..", StringComparison.Ordinal))
            {
                name = line;
            }
        }
        if (name is not null)
            sections.Add(new MaintainersSection(name, entries.ToArray()));
        return sections;
    }

    /// <summary>
    /// F:/X: matching as get_maintainer.pl does it: '*' and '?' become '.*' and '.', the pattern is matched at the
    /// start of the path; a pattern ending in '/' covers everything below it, any other pattern only paths with the
    /// same number of '/'.
    /// </summary>
    public static bool PatternMatches(string pattern, string path)
    {
        string regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".");
        if (!Regex.IsMatch(path, regex))
            return false;
        return pattern.EndsWith('/') || pattern.Count(c => c == '/') == path.Count(c => c == '/');
    }
}
