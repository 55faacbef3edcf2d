using System.Text.RegularExpressions;

namespace Ltt.Series.Routing;

/// <summary>
/// Splits and prints "Name &lt;address&gt;" the way get_maintainer.pl does, so that addresses
/// compare and print exactly as the script prints them: a name holding anything but ASCII
/// letters, digits, '_', ' ' and '-' is quoted.
/// </summary>
public static partial class EmailFormat
{
    public static (string Name, string Address) Parse(string formatted)
    {
        string name = "", address = "";
        Match m;
        if ((m = NameAndAddress().Match(formatted)).Success)
        {
            name = m.Groups[1].Value;
            address = m.Groups[2].Value;
        }
        else if ((m = BracketedAddress().Match(formatted)).Success)
        {
            address = m.Groups[1].Value;
        }
        else if ((m = BareAddress().Match(formatted)).Success)
        {
            address = m.Groups[1].Value;
        }
        return (Normalize(name), PerlTrim(address));
    }

    public static string Format(string name, string address)
    {
        name = Normalize(name);
        address = PerlTrim(address);
        return name.Length == 0 ? address : $"{name} <{address}>";
    }

    private static string Normalize(string name)
    {
        name = PerlTrim(name);
        name = QuoteEnds().Replace(name, "");
        if (MustQuote().IsMatch(name))
            name = "\"" + UnescapedQuote().Replace(name, "\\\"") + "\"";
        return name;
    }

    internal static string PerlTrim(string s) => s.Trim(' ', '\t', '\n', '\r', '\f', '\v');

    [GeneratedRegex(@"^([^<]+)<(.+@.*)>.*$")]
    private static partial Regex NameAndAddress();

    [GeneratedRegex(@"^\s*<(.+@\S*)>.*$")]
    private static partial Regex BracketedAddress();

    [GeneratedRegex(@"^(.+@\S*).*$")]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"^""|""$")]
    private static partial Regex QuoteEnds();

    [GeneratedRegex(@"[^A-Za-z0-9_ \-]")]
    private static partial Regex MustQuote();

    [GeneratedRegex(@"(?<!\\)""")]
    private static partial Regex UnescapedQuote();
}
