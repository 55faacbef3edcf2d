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

    /// <param name="buckets">
    /// When given, only what can route paths in these buckets is kept (<see cref="FilePattern.Bucket"/>:
    /// "" and every directory of the paths, "drivers/", "drivers/net/"): a section keeps its
    /// entries when one of its <c>F:</c>/<c>X:</c> patterns falls in a bucket or it has an
    /// <c>N:</c> or <c>K:</c> entry, the others keep only their title. Every line is still
    /// checked. A run that routes a few patches then builds a few hundred entries, not twenty thousand.
    /// </param>
    public static MaintainersFile Parse(string path, string text, IReadOnlySet<string>? buckets = null) => Parse(path, text, buckets, null);

    /// <param name="layout">When given, receives where every section's title and entries are in the text (kept or not).</param>
    internal static MaintainersFile Parse(string path, string text, IReadOnlySet<string>? buckets, MaintainersLayout? layout)
    {
        var diagnostics = new List<Diagnostic>();
        var sections = new List<MaintainersSection>();
        // Lines are read as spans of the text: a kernel's MAINTAINERS has 20,000 of them, and a
        // string each would only feed the garbage collector at start-up (only values and titles
        // are kept as strings).
        var starts = new List<int>(text.Length / 30) { 0 };
        for (int at = text.IndexOf('\n'); at >= 0; at = text.IndexOf('\n', at + 1))
            starts.Add(at + 1);
        int count = starts[^1] == text.Length ? starts.Count - 1 : starts.Count;
        ReadOnlySpan<char> Line(int i) => text.AsSpan(starts[i], (i + 1 < starts.Count ? starts[i + 1] - 1 : text.Length) - starts[i]).TrimEnd('\r');

        int first = -1;
        for (int i = 0; i < count && first < 0; i++)
            if (IsTagged(Line(i)))
                first = i;
        int ordinal = 0;
        string? name = null;
        int nameLine = 0;
        int nameStart = 0;
        bool inSection = false;
        bool relevant = false;
        var pending = new List<(char Tag, int Start, int Length, int Line, int Ordinal, Regex? Expression)>();
        var lookup = (buckets as HashSet<string> ?? (buckets is null ? null : new HashSet<string>(buckets, StringComparer.Ordinal)))
            ?.GetAlternateLookup<ReadOnlySpan<char>>();
        bool previousWasTagged = false;
        bool previousWasTitle = false;

        void Close()
        {
            if (name is not null && inSection)
            {
                var entries = new List<MaintainersEntry>(relevant || lookup is null ? pending.Count : 0);
                if (relevant || lookup is null)
                    foreach (var e in pending)
                        entries.Add(new MaintainersEntry(e.Tag, text.Substring(e.Start, e.Length), e.Line, e.Ordinal) { Expression = e.Expression });
                sections.Add(new MaintainersSection(name, nameLine, entries) { Index = sections.Count });
                if (layout is not null)
                {
                    layout.AddSection(nameStart, name.Length, nameLine, pending.Count);
                    foreach (var e in pending)
                        layout.AddEntry(e.Tag, e.Start, e.Length, e.Line, e.Ordinal);
                }
            }
            name = null;
            inSection = false;
            relevant = false;
            pending.Clear();
        }

        for (int i = 0; i < count; i++)
        {
            var line = Line(i);
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
                var rest = line[2..];
                var value = rest.TrimStart();
                int valueStart = starts[i] + 2 + (rest.Length - value.Length);
                if (!inSection)
                {
                    diagnostics.Add(new Diagnostic(path, i + 1, "tagged line outside a section (no title line before it)"));
                }
                else
                {
                    Regex? expression = null;
                    if (!KnownTags.Contains(tag))
                        diagnostics.Add(new Diagnostic(path, i + 1, $"unknown tag '{tag}:' (known: {string.Join(' ', KnownTags.Select(t => t + ":"))})"));
                    else if (CheckValue(tag, value, out expression) is { } problem)
                        diagnostics.Add(new Diagnostic(path, i + 1, problem));
                    pending.Add((tag, valueStart, value.Length, i + 1, ordinal - 1, expression));
                    relevant |= tag is 'N' or 'K' || (tag is 'F' or 'X' && lookup is { } l && l.Contains(FilePattern.BucketOfValue(value)));
                }
                previousWasTagged = true;
                previousWasTitle = false;
                continue;
            }
            if (previousWasTagged && name is not null)
            {
                diagnostics.Add(new Diagnostic(path, i + 1,
                    $"'{Shorten(line.ToString())}' is not a 'X:<tab>value' entry (inside section '{name}'; a new section needs a blank line before its title)"));
                previousWasTagged = false;
                continue;
            }
            if (previousWasTitle)
                diagnostics.Add(new Diagnostic(path, nameLine, $"section '{name}' has no entries"));
            Close();
            name = line.Trim().ToString();
            nameLine = i + 1;
            nameStart = starts[i] + (line.Length - line.TrimStart().Length);
            inSection = true;
            previousWasTagged = false;
            previousWasTitle = true;
        }
        Close();
        if (sections.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(new Diagnostic(path, 0, "no section found (a section is a title line followed by 'X:<tab>value' lines)"));
        return new MaintainersFile(path, sections, diagnostics);
    }

    private static bool IsTagged(ReadOnlySpan<char> line) =>
        line.Length >= 2 && line[0] is >= 'A' and <= 'Z' && line[1] == ':';

    private static string? CheckValue(char tag, ReadOnlySpan<char> value, out Regex? expression)
    {
        expression = null;
        switch (tag)
        {
            case 'F' or 'X':
                if (value.Length == 0)
                    return $"empty {tag}: pattern";
                return FilePattern.Problem(value) is { } fileError
                    ? $"{tag}: pattern '{value}' does not compile: {fileError}" : null;
            case 'N' or 'K':
                if (value.Length == 0)
                    return $"empty {tag}: regular expression";
                return TryRegex(value.ToString(), out expression) is { } error
                    ? $"{tag}: regular expression '{value}' does not compile: {error}" : null;
            case 'M' or 'R' or 'L':
                return value.Contains('@') ? null : $"{tag}: '{value}' has no e-mail address";
            default:
                return null;
        }
    }

    /// <summary>The options get_maintainer.pl's <c>/x</c> matching has, for <c>N:</c> and <c>K:</c> values.</summary>
    internal const RegexOptions PerlExtended = RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant;

    private static string? TryRegex(string pattern, out Regex? expression)
    {
        expression = null;
        try
        {
            expression = new Regex(pattern, PerlExtended);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
