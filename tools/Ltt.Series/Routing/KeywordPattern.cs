using System.Text.RegularExpressions;
using Ltt.Series.Maintainers;

namespace Ltt.Series.Routing;

/// <summary>
/// A <c>K:</c> pattern as get_maintainer.pl applies it: anywhere in a line before the diff, and
/// after the line's <c>+</c> or <c>-</c> inside it (<c>^[+-].*</c> and the pattern). A diff line
/// that matches the second form matches the pattern alone too (the same pattern searched in the
/// same line), so the second form is only tried where the first matches, and only built then:
/// a one-patch run builds none of the 35 of 6.1's MAINTAINERS in most patches.
/// </summary>
internal sealed class KeywordPattern(MaintainersEntry entry, PerlPattern anywhere)
{
    private Regex? _inDiff;

    public MaintainersEntry Entry => entry;

    public bool Matches(string line, bool inDiff) =>
        anywhere.IsMatch(line)
        && (!inDiff || (_inDiff ??= new Regex("^[+-].*" + entry.Value, MaintainersParser.PerlExtended)).IsMatch(line));
}
