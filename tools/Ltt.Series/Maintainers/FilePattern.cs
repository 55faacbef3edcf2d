using System.Text.RegularExpressions;

namespace Ltt.Series.Maintainers;

/// <summary>
/// An <c>F:</c> or <c>X:</c> pattern converted the way get_maintainer.pl converts it: <c>.</c>
/// is literal, <c>*</c> is any run of characters (slashes included), <c>?</c> is one character, and
/// a pattern naming a directory of the tree gets a trailing slash. A pattern ending in a slash
/// matches everything under it; any other pattern must match from the start of the path and
/// have as many slashes as the path. Built for start-up speed: a plain path is compared as a
/// string, a glob by <see cref="Glob"/>, and only a pattern using more of the regex syntax gets
/// a <see cref="Regex"/>, when first needed; whether a pattern names a directory is asked of
/// the tree only when a path it could match is routed (the script asks for every pattern).
/// </summary>
public sealed class FilePattern
{
    private readonly string _value;
    private readonly Func<string, bool> _isDirectory;
    private string? _source;
    private bool _compiled;
    private string? _literal;
    private Glob? _glob;
    private Glob? _globWithSlash;
    private Regex? _regex;
    private Regex? _regexWithSlash;
    private bool? _directory;

    private FilePattern(string value, Func<string, bool> isDirectory)
    {
        // A MAINTAINERS file holds thousands of patterns and a run routes a few paths: the
        // converted form is made when the pattern is first tested; the bucket comes from the
        // value as written when it is a plain path or glob.
        _value = value;
        _isDirectory = isDirectory;
        Bucket = BucketOfValue(value).ToString();
    }

    /// <summary>
    /// The bucket of a MAINTAINERS value as written (<see cref="Bucket"/>), read without
    /// converting it when it is a plain path or glob, so a reader can skip patterns that cannot
    /// match the paths it routes without making a string of each.
    /// </summary>
    public static ReadOnlySpan<char> BucketOfValue(ReadOnlySpan<char> value)
    {
        int meta = value.IndexOfAny(GlobCharacters);
        if (meta >= 0 && value[meta..].IndexOfAny(RegexOnlyCharacters) >= 0)
            return BucketOf(LiteralPrefix(ToRegexSource(value.ToString())));
        var prefix = meta < 0 ? value : value[..meta];
        return prefix[..(prefix.LastIndexOf('/') + 1)];
    }

    private static readonly System.Buffers.SearchValues<char> GlobCharacters = System.Buffers.SearchValues.Create("*?[](){}+|^$\\");
    private static readonly System.Buffers.SearchValues<char> RegexOnlyCharacters = System.Buffers.SearchValues.Create("(){}+|^$\\");

    /// <summary>The converted pattern without a directory's added slash, made on first use.</summary>
    private string Converted
    {
        get
        {
            if (!_compiled)
            {
                _source = ToRegexSource(_value);
                _literal = IsLiteral(_source) ? _source.Replace("\\.", ".") : null;
                _glob = _literal is null ? Glob.TryParse(_source) : null;
                _compiled = true;
            }
            return _source!;
        }
    }

    /// <summary>The converted pattern, as the script keeps it (for example <c>drivers/net/.*\.c</c>, or <c>kernel/trace/</c> once found to be a directory).</summary>
    public string Source => IsDirectory && !Converted.EndsWith('/') ? Converted + "/" : Converted;

    /// <summary>True when the pattern ends with a slash, or names a directory of the tree, and so matches everything below it.</summary>
    public bool IsDirectory => _directory ??= Converted.EndsWith('/') || _isDirectory(Converted);

    /// <summary>How specific a match is: slashes in the pattern, plus one for a file pattern; -1 for patterns starting with <c>*</c>.</summary>
    public int Depth => Converted.StartsWith(".*", StringComparison.Ordinal) ? -1 : CountSlashes(Source) + (IsDirectory ? 0 : 1);

    /// <summary>The directory part of the pattern's literal prefix: every path it can match starts with it.</summary>
    public string Bucket { get; }

    /// <summary>The regular expression source get_maintainer.pl builds from a MAINTAINERS value.</summary>
    public static string ToRegexSource(string value) =>
        value.Replace(".", "\\.").Replace("*", ".*").Replace("?", ".");

    /// <param name="isDirectory">Whether a path (relative to the tree) is a directory; the script asks the file system.</param>
    public static FilePattern Create(string value, Func<string, bool> isDirectory) => new(value, isDirectory);

    /// <summary>Why a MAINTAINERS value is no pattern the script could compile, or null; only values beyond a plain glob are given to the regex parser.</summary>
    public static string? Problem(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(GlobCharacters) < 0 || Glob.IsPlain(value))
            return null; // a plain path or glob, the common case: nothing to compile
        string source = ToRegexSource(value.ToString());
        if (IsLiteral(source) || Glob.TryParse(source) is not null)
            return null;
        try
        {
            _ = new Regex(source, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    public bool Matches(string file)
    {
        // Without the slash first: a pattern that cannot match then cannot match with it either,
        // so the tree is asked about directories only for patterns that come close.
        if (!StartMatches(file, withSlash: false))
            return false;
        if (!IsDirectory)
            return CountSlashes(file) == CountSlashes(Converted);
        return Converted.EndsWith('/') || StartMatches(file, withSlash: true);
    }

    private bool StartMatches(string file, bool withSlash)
    {
        string source = Converted;
        if (_literal is not null)
            return withSlash ? file.Length > _literal.Length && file[_literal.Length] == '/' && file.StartsWith(_literal, StringComparison.Ordinal)
                : file.StartsWith(_literal, StringComparison.Ordinal);
        if (_glob is not null)
            return (withSlash ? _globWithSlash ??= _glob.Append('/') : _glob).MatchesStart(file);
        var regex = withSlash
            ? _regexWithSlash ??= new Regex("^(?:" + source + "/)", RegexOptions.CultureInvariant)
            : _regex ??= new Regex("^(?:" + source + ")", RegexOptions.CultureInvariant);
        return regex.IsMatch(file);
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
