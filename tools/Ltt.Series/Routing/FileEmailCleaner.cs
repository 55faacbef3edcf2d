using System.Text.RegularExpressions;

namespace Ltt.Series.Routing;

/// <summary>
/// get_maintainer.pl's harvesting of addresses from a file's text (it does this for every
/// touched <c>.yaml</c> file): candidate "Name &lt;address&gt;" runs, then its name clean-up
/// (keep the last two or three words, drop stray commas and periods). Works on Latin-1 text,
/// one character per byte, because the script's character classes are byte classes.
/// </summary>
internal static partial class FileEmailCleaner
{
    // The script's "À-ÿ" is, in bytes, \xC3, the range \x80-\xC3 and \xBF.
    private const string NameChars = @"A-Za-z\u0080-\u00C3\u00BF";

    public static IEnumerable<string> Candidates(string latin1Text) =>
        Candidate().Matches(latin1Text).Select(m => m.Value);

    public static IEnumerable<string> Clean(IEnumerable<string> emails)
    {
        foreach (string raw in emails)
        {
            string email = Bracket().Replace(raw, "<$1>");
            var (name, address) = EmailFormat.Parse(email);
            if (name == "\"[,\\.]\"")
                name = "";
            var words = NameSplit().Split(name).ToList();
            while (words.Count > 0 && words[^1].Length == 0)
                words.RemoveAt(words.Count - 1);
            if (words.Count > 2)
            {
                string first = words[^3], middle = words[^2], last = words[^1];
                if ((first.Length == 1 && char.IsAsciiLetter(first[0])) || (first.Length == 2 && first[^1] == '.')
                    || middle.Length == 1 || (middle.Length == 2 && middle[^1] == '.'))
                    name = $"{first} {middle} {last}";
                else
                    name = $"{middle} {last}";
            }
            if (name.Length > 0 && name[^1] is ',' or '.')
                name = name[..^1];
            else if (TrailingPunctuation().IsMatch(name.Length >= 2 ? name[^2..] : name))
                name = name[..^2] + "\"";
            if (name.Length > 0 && name[0] is ',' or '.')
                name = name[1..];
            else if (LeadingPunctuation().IsMatch(name.Length >= 2 ? name[..2] : name))
                name = "\"" + name[2..];
            yield return EmailFormat.Format(name, address);
        }
    }

    [GeneratedRegex(@"[" + NameChars + @"""' ,.+-]*\s*[,]*\s*[(<{]?[A-Za-z0-9_.+-]+@[A-Za-z0-9.-]+\.[A-Za-z0-9]+[)>}]?")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"[(<{]?([A-Za-z0-9_.+-]+@[A-Za-z0-9.-]+)[)>}]?")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"[^" + NameChars + @"',.+-]")]
    private static partial Regex NameSplit();

    [GeneratedRegex(@"[,.]""")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"""[,.]")]
    private static partial Regex LeadingPunctuation();
}
