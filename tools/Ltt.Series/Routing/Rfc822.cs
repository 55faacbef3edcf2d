using System.Text.RegularExpressions;

namespace Ltt.Series.Routing;

/// <summary>
/// The one use get_maintainer.pl makes of its RFC 822 grammar: an <c>M:</c>/<c>R:</c> value that
/// is a comma-separated list of valid mailboxes is pushed address by address; anything else
/// (including a name with an unquoted comma or period) is taken whole.
/// </summary>
internal static partial class Rfc822
{
    public static IReadOnlyList<string> SplitList(string value)
    {
        var parts = SplitTopLevel(value);
        if (parts.Count > 1 && parts.All(p => Mailbox().IsMatch(p.Trim())))
            return parts.Select(p => p.Trim()).ToList();
        return [value];
    }

    private static List<string> SplitTopLevel(string value)
    {
        var parts = new List<string>();
        bool quoted = false;
        int angle = 0, start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && quoted) { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '<') angle++;
            else if (!quoted && c == '>') angle--;
            else if (!quoted && angle == 0 && c == ',')
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }
        parts.Add(value[start..]);
        return parts;
    }

    // atom: no specials, spaces or controls; word: atom or quoted string; a mailbox is an
    // addr-spec or a phrase (words) followed by <addr-spec>.
    private const string Atom = @"[^()<>@,;:\\"".\[\] \x00-\x1f\x7f]+";
    private const string Word = "(?:" + Atom + @"|""(?:[^""\\\r]|\\.)*"")";
    private const string AddrSpec = Word + @"(?:\." + Word + ")*@" + Atom + @"(?:\." + Atom + ")*";

    [GeneratedRegex("^(?:" + AddrSpec + "|(?:" + Word + @"\s*)*<" + AddrSpec + ">)$")]
    private static partial Regex Mailbox();
}
