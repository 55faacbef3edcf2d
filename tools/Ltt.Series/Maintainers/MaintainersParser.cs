using System.Text.RegularExpressions;

namespace Ltt.Series.Maintainers;

/// <summary>
/// Reads a MAINTAINERS file into sections. Sections are found the way get_maintainer.pl
/// finds them (a title line followed by tagged lines); lines that the script would silently
/// turn into a new section, unknown tags and patterns that do not compile are reported with
/// their line instead.
/// </summary>
public static class MaintainersParser
{
    /// <summary>Every tag the kernel documents at the top of MAINTAINERS.</summary>
    public const string KnownTags = "MRLSWQBCPTFXNK";

    public static MaintainersFile ParseFile(string path)
    {
        if (!File.Exists(path))
            return new MaintainersFile(path, [], [new Diagnostic(path, 0, "MAINTAINERS file not found")]);
        return Parse(path, File.ReadAllText(path));
    }

    public static MaintainersFile Parse(string path, string text)
    {
        var diagnostics = new List<Diagnostic>();
        var sections = new List<MaintainersSection>();
        string[] lines = text.Split('\n');
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;

        int first = Array.FindIndex(lines, 0, count, IsTagged);
        int ordinal = 0;
        string? name = null;
        int nameLine = 0;
        List<MaintainersEntry>? entries = null;
        bool previousWasTagged = false;
        bool previousWasTitle = false;

        void Close()
        {
            if (name is not null && entries is not null)
                sections.Add(new MaintainersSection(name, nameLine, entries) { Index = sections.Count });
            name = null;
            entries = null;
        }

        for (int i = 0; i < count; i++)
        {
            string line = lines[i].TrimEnd('\r');
            bool blank = line.Trim().Length == 0;
            bool comment = !blank && line.TrimStart().StartsWith('#');
            bool tagged = IsTagged(line);
            if (tagged || (!blank && !comment))
                ordinal++;
            if (first < 0 || i < first - 1 || (i == first - 1 && (blank || comment)))
                continue; // preamble: the documentation before the first section

            if (blank || comment)
            {
                if (blank && previousWasTitle)
                    diagnostics.Add(new Diagnostic(path, nameLine, $"section '{name}' has no entries"));
                previousWasTitle = false;
                if (blank)
                    previousWasTagged = false;
                continue;
            }
            if (tagged)
            {
                char tag = line[0];
                string value = line[2..].TrimStart();
                if (entries is null)
                {
                    diagnostics.Add(new Diagnostic(path, i + 1, "tagged line outside a section (no title line before it)"));
                }
                else
                {
                    if (!KnownTags.Contains(tag))
                        diagnostics.Add(new Diagnostic(path, i + 1, $"unknown tag '{tag}:' (known: {string.Join(' ', KnownTags.Select(t => t + ":"))})"));
                    else if (CheckValue(tag, value) is { } problem)
                        diagnostics.Add(new Diagnostic(path, i + 1, problem));
                    entries.Add(new MaintainersEntry(tag, value, i + 1, ordinal - 1));
                }
                previousWasTagged = true;
                previousWasTitle = false;
                continue;
            }
            if (previousWasTagged && name is not null)
            {
                diagnostics.Add(new Diagnostic(path, i + 1,
                    $"'{Shorten(line)}' is not a 'X:<tab>value' entry (inside section '{name}'; a new section needs a blank line before its title)"));
                previousWasTagged = false;
                continue;
            }
            if (previousWasTitle)
                diagnostics.Add(new Diagnostic(path, nameLine, $"section '{name}' has no entries"));
            Close();
            name = line.Trim();
            nameLine = i + 1;
            entries = [];
            previousWasTagged = false;
            previousWasTitle = true;
        }
        Close();
        if (sections.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(new Diagnostic(path, 0, "no section found (a section is a title line followed by 'X:<tab>value' lines)"));
        return new MaintainersFile(path, sections, diagnostics);
    }

    private static bool IsTagged(string line) =>
        line.Length >= 2 && line[0] is >= 'A' and <= 'Z' && line[1] == ':';

    private static string? CheckValue(char tag, string value)
    {
        switch (tag)
        {
            case 'F' or 'X':
                if (value.Length == 0)
                    return $"empty {tag}: pattern";
                return TryRegex(FilePattern.ToRegexSource(value), RegexOptions.None) is { } fileError
                    ? $"{tag}: pattern '{value}' does not compile: {fileError}" : null;
            case 'N' or 'K':
                if (value.Length == 0)
                    return $"empty {tag}: regular expression";
                return TryRegex(value, RegexOptions.IgnorePatternWhitespace) is { } error
                    ? $"{tag}: regular expression '{value}' does not compile: {error}" : null;
            case 'M' or 'R' or 'L':
                return value.Contains('@') ? null : $"{tag}: '{value}' has no e-mail address";
            default:
                return null;
        }
    }

    private static string? TryRegex(string pattern, RegexOptions options)
    {
        try
        {
            _ = new Regex(pattern, options | RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
