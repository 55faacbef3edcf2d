using System.Buffers;
using System.Text.RegularExpressions;
using Ltt.Series.Maintainers;

namespace Ltt.Series.Routing;

/// <summary>
/// An <c>N:</c> or <c>K:</c> value searched for the way get_maintainer.pl searches (Perl's
/// <c>/x</c>), with no regular expression built for the plain words most of them are (59 of
/// 6.1's 92 <c>N:</c> values: <c>tegra</c>, <c>omap</c>): a value of letters, digits and
/// <c>_ - / , :</c> only matches exactly where the text contains it. Building the 127
/// expressions of 6.1 was a tenth of a one-patch run.
/// </summary>
internal sealed class PerlPattern
{
    private static readonly SearchValues<char> Plain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-/,:");

    private readonly string? _literal;
    private readonly Regex? _regex;

    /// <param name="compiled">The expression the parser built while checking the value, if it did.</param>
    public PerlPattern(string value, Regex? compiled)
    {
        if (value.Length > 0 && value.AsSpan().IndexOfAnyExcept(Plain) < 0)
            _literal = value;
        else
            _regex = compiled ?? new Regex(value, MaintainersParser.PerlExtended);
    }

    public bool IsMatch(string text) => _literal is not null ? text.Contains(_literal, StringComparison.Ordinal) : _regex!.IsMatch(text);
}
