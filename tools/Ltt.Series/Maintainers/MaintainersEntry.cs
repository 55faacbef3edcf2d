using System.Text.RegularExpressions;

namespace Ltt.Series.Maintainers;

/// <summary>
/// One tagged line of a MAINTAINERS section (<c>M:</c>, <c>F:</c>, <c>K:</c>...), with its
/// value as written (patterns are not converted here) and its 1-based line number.
/// </summary>
/// <param name="Ordinal">
/// The position of the line among the file's non-blank, non-comment lines, counted the way
/// get_maintainer.pl counts them; it only matters for the script's keyword ordering.
/// </param>
public sealed record MaintainersEntry(char Tag, string Value, int Line, int Ordinal)
{
    /// <summary>
    /// For <c>N:</c> and <c>K:</c>: the value as a regular expression with Perl's <c>/x</c>
    /// meaning, built once when the parser checked that it compiles (the index uses it).
    /// </summary>
    internal Regex? Expression { get; init; }
}
