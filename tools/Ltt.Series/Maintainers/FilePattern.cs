using System.Text.RegularExpressions;

namespace Ltt.Series.Maintainers;

/// <summary>
/// An <c>F:</c> or <c>X:</c> pattern converted the way get_maintainer.pl converts it: <c>.</c>
/// is literal, <c>*</c> is any run of characters (slashes included), <c>?</c> is one character, and
/// a pattern naming a directory of the tree gets a trailing slash. A pattern ending in a slash
/// matches everything under it; any other pattern must match from the start of the path and
/// have as many slashes as the path.
/// </summary>
public sealed class FilePattern
{
    private readonly string? _literal;
    private readonly Regex? _regex;
    private readonly int _slashes;

    private FilePattern(string source, string? literal, Regex? regex)
    {
        Source = source;
        _literal = literal;
        _regex = regex;
        _slashes = source.Count(c => c == '/');
        IsDirectory = source.EndsWith('/');
        Depth = _slashes + (IsDirectory ? 0 : 1);
        if (source.StartsWith(".*", StringComparison.Ordinal))
            Depth = -1;
        Bucket = BucketOf(literal ?? LiteralPrefix(source));
    }

    /// <summary>The converted pattern, as the script keeps it (for example <c>drivers/net/.*\.c</c>).</summary>
    public string Source { get; }

    /// <summary>True when the pattern ends with a slash and so matches everything below it.</summary>
    public bool IsDirectory { get; }

    /// <summary>How specific a match is: slashes in the pattern, plus one for a file pattern; -1 for patterns starting with <c>*</c>.</summary>
    public int Depth { get; }

    /// <summary>The directory part of the pattern's literal prefix: every path it can match starts with it.</summary>
    public string Bucket { get; }

    /// <summary>The regular expression source get_maintainer.pl builds from a MAINTAINERS value.</summary>
    public static string ToRegexSource(string value) =>
        value.Replace(".", "\\.").Replace("*", ".*").Replace("?", ".");

    /// <param name="isDirectory">Whether a path (relative to the tree) is a directory; the script asks the file system.</param>
    public static FilePattern Create(string value, Func<string, bool> isDirectory)
    {
        string source = ToRegexSource(value);
        if (!source.EndsWith('/') && isDirectory(source))
            source += "/";
        string? literal = IsLiteral(source) ? source.Replace("\\.", ".") : null;
        Regex? regex = literal is null
            ? new Regex("^(?:" + source + ")", RegexOptions.CultureInvariant | RegexOptions.Compiled)
            : null;
        return new FilePattern(source, literal, regex);
    }

    public bool Matches(string file)
    {
        if (_literal is not null)
        {
            if (!file.StartsWith(_literal, StringComparison.Ordinal))
                return false;
        }
        else if (!_regex!.IsMatch(file))
        {
            return false;
        }
        return IsDirectory || CountSlashes(file) == _slashes;
    }

    internal static int CountSlashes(string s)
    {
        int n = 0;
        foreach (char c in s)
            if (c == '/')
                n++;
        return n;
    }

    private static bool IsLiteral(string source)
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '\\')
            {
                if (i + 1 < source.Length && source[i + 1] == '.')
                {
                    i++;
                    continue;
                }
                return false;
            }
            if (IsMeta(c))
                return false;
        }
        return true;
    }

    /// <summary>The characters every match must start with (empty when the pattern has a top-level alternation).</summary>
    private static string LiteralPrefix(string source)
    {
        int depth = 0;
        foreach (char c in source)
        {
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) return "";
        }
        var prefix = new System.Text.StringBuilder();
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '\\' && i + 1 < source.Length && source[i + 1] == '.')
            {
                prefix.Append('.');
                i++;
                continue;
            }
            if (c is '*' or '?' or '{' && prefix.Length > 0)
                prefix.Length--; // the quantified character is optional
            if (c == '\\' || IsMeta(c))
                break;
            prefix.Append(c);
        }
        return prefix.ToString();
    }

    private static string BucketOf(string prefix)
    {
        int slash = prefix.LastIndexOf('/');
        return slash < 0 ? "" : prefix[..(slash + 1)];
    }

    private static bool IsMeta(char c) => c is '.' or '*' or '?' or '+' or '[' or ']' or '(' or ')' or '{' or '}' or '|' or '^' or '$';
}
