using System.Buffers;

namespace Ltt.Series.Maintainers;

/// <summary>
/// The regular expressions get_maintainer.pl makes of <c>F:</c>/<c>X:</c> values use four things
/// only: literal characters (a dot written <c>\.</c>), <c>.*</c> (from <c>*</c>), <c>.</c> (from
/// <c>?</c>) and <c>[...]</c> classes. This matches those, anchored at the start like the
/// script's <c>^</c>, without building a <see cref="System.Text.RegularExpressions.Regex"/>
/// for each of the thousands of patterns a kernel's MAINTAINERS holds; anything else is left
/// to a real regular expression (<see cref="TryParse"/> returns null).
/// </summary>
internal sealed class Glob
{
    private readonly Token[] _tokens;

    private Glob(Token[] tokens) => _tokens = tokens;

    private enum Kind { Literal, AnyChar, AnyRun, Class }

    private readonly record struct Token(Kind Kind, char Char, string? Set, bool Negated)
    {
        public bool Accepts(char c) => Kind switch
        {
            Kind.Literal => c == Char,
            Kind.Class => Contains(Set!, c) != Negated,
            _ => c != '\n',
        };

        private static bool Contains(string set, char c)
        {
            for (int i = 0; i < set.Length; i++)
            {
                if (i + 2 < set.Length && set[i + 1] == '-')
                {
                    if (c >= set[i] && c <= set[i + 2])
                        return true;
                    i += 2;
                }
                else if (set[i] == c)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>The glob of a converted pattern (<see cref="FilePattern.ToRegexSource"/>), or null when it uses more of the regex syntax.</summary>
    public static Glob? TryParse(string source)
    {
        var tokens = new List<Token>(source.Length);
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            switch (c)
            {
                case '\\' when i + 1 < source.Length && source[i + 1] == '.':
                    tokens.Add(new Token(Kind.Literal, '.', null, false));
                    i++;
                    break;
                case '.' when i + 1 < source.Length && source[i + 1] == '*':
                    tokens.Add(new Token(Kind.AnyRun, '\0', null, false));
                    i++;
                    break;
                case '.':
                    tokens.Add(new Token(Kind.AnyChar, '\0', null, false));
                    break;
                case '[':
                    // A ']' right after the '[' is a member, as in Perl, so the search for the closing one starts after it.
                    int close = i + 2 < source.Length ? source.IndexOf(']', i + 2) : -1;
                    if (close < 0)
                        return null;
                    string set = source[(i + 1)..close];
                    bool negated = set.StartsWith('^');
                    if (negated)
                        set = set[1..];
                    if (set.Length == 0 || set.Contains('\\') || set.Contains('['))
                        return null;
                    tokens.Add(new Token(Kind.Class, '\0', set, negated));
                    i = close;
                    break;
                case '\\' or '(' or ')' or '{' or '}' or '+' or '*' or '?' or '|' or '^' or '$' or ']':
                    return null;
                default:
                    tokens.Add(new Token(Kind.Literal, c, null, false));
                    break;
            }
        }
        return new Glob([.. tokens]);
    }

    /// <summary>
    /// Whether a MAINTAINERS value as written is a glob <see cref="TryParse"/> reads once
    /// converted: no regex-only character, and every <c>[</c> closed by a <c>]</c> with plain
    /// characters between (checked without converting it).
    /// </summary>
    private static readonly SearchValues<char> ClassRewrites = SearchValues.Create(".*?[\\^");

    public static bool IsPlain(ReadOnlySpan<char> value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '(' or ')' or '{' or '}' or '+' or '|' or '^' or '$' or '\\' or ']')
                return false;
            if (c != '[')
                continue;
            int close = value[(i + 1)..].IndexOf(']');
            if (close < 1)
                return false;
            if (value.Slice(i + 1, close).IndexOfAny(ClassRewrites) >= 0)
                return false; // the conversion rewrites these inside the class: leave it to the full check
            i += close + 1;
        }
        return true;
    }

    /// <summary>The same glob followed by one more literal character (a directory's trailing slash).</summary>
    public Glob Append(char c) => new([.. _tokens, new Token(Kind.Literal, c, null, false)]);

    /// <summary>Whether the glob matches some start of <paramref name="text"/>, as <c>^(?:pattern)</c> does.</summary>
    public bool MatchesStart(string text) => Match(0, text, 0);

    private bool Match(int token, string text, int at)
    {
        for (; token < _tokens.Length; token++)
        {
            var t = _tokens[token];
            if (t.Kind == Kind.AnyRun)
            {
                for (int k = text.Length; k >= at; k--)
                {
                    if (Match(token + 1, text, k))
                        return true;
                }
                return false;
            }
            if (at >= text.Length || !t.Accepts(text[at]))
                return false;
            at++;
        }
        return true;
    }
}
