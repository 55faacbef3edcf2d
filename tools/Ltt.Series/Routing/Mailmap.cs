using System.Text.RegularExpressions;

namespace Ltt.Series.Routing;

/// <summary>
/// The tree's <c>.mailmap</c> (the four forms git-shortlog documents), applied to addresses the
/// way get_maintainer.pl applies it before de-duplicating them.
/// </summary>
public sealed partial class Mailmap
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _addresses = new(StringComparer.Ordinal);

    public static Mailmap Empty { get; } = new();

    /// <summary>The proper names by wrong "Name &lt;address&gt;" or address, as parsed (the routing cache stores them).</summary>
    internal IReadOnlyDictionary<string, string> Names => _names;

    /// <summary>The proper addresses by wrong "Name &lt;address&gt;" or address, as parsed.</summary>
    internal IReadOnlyDictionary<string, string> Addresses => _addresses;

    /// <summary>A map read back from the routing cache: the two tables <see cref="Parse"/> built.</summary>
    internal static Mailmap FromTables(IEnumerable<KeyValuePair<string, string>> names, IEnumerable<KeyValuePair<string, string>> addresses)
    {
        var map = new Mailmap();
        foreach (var (key, value) in names)
            map._names[key] = value;
        foreach (var (key, value) in addresses)
            map._addresses[key] = value;
        return map;
    }

    public static Mailmap Parse(string text)
    {
        var map = new Mailmap();
        foreach (string raw in text.Split('\n'))
        {
            string line = EmailFormat.PerlTrim(raw.Contains('#') ? Comment().Replace(raw, "") : raw);
            if (line.Length == 0)
                continue;
            Match m;
            if ((m = NameOnly().Match(line)).Success)
            {
                var (name, address) = EmailFormat.Parse($"{EmailFormat.PerlTrim(m.Groups[1].Value)} <{m.Groups[2].Value}>");
                map._names[address] = name;
            }
            else if ((m = AddressOnly().Match(line)).Success)
            {
                map._addresses[m.Groups[2].Value] = m.Groups[1].Value;
            }
            else if ((m = NameAddressAddress().Match(line)).Success)
            {
                var (name, address) = EmailFormat.Parse($"{EmailFormat.PerlTrim(m.Groups[1].Value)} <{m.Groups[2].Value}>");
                map._names[m.Groups[3].Value] = name;
                map._addresses[m.Groups[3].Value] = address;
            }
            else if ((m = Full().Match(line)).Success)
            {
                var (name, address) = EmailFormat.Parse($"{EmailFormat.PerlTrim(m.Groups[1].Value)} <{m.Groups[2].Value}>");
                var (wrongName, wrongAddress) = EmailFormat.Parse($"{EmailFormat.PerlTrim(m.Groups[3].Value)} <{m.Groups[4].Value}>");
                string wrong = EmailFormat.Format(wrongName, wrongAddress);
                map._names[wrong] = name;
                map._addresses[wrong] = address;
            }
        }
        return map;
    }

    /// <summary>The canonical "Name &lt;address&gt;" for an address.</summary>
    public string Map(string line)
    {
        var (name, address) = EmailFormat.Parse(line);
        string email = EmailFormat.Format(name, address);
        string realName = name, realAddress = address;
        if (_names.ContainsKey(email) || _addresses.ContainsKey(email))
        {
            if (_names.TryGetValue(email, out var n)) realName = n;
            if (_addresses.TryGetValue(email, out var a)) realAddress = a;
        }
        else
        {
            if (_names.TryGetValue(address, out var n)) realName = n;
            if (_addresses.TryGetValue(address, out var a)) realAddress = a;
        }
        return EmailFormat.Format(realName, realAddress);
    }

    [GeneratedRegex("#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex("^([^<]+)<([^>]+)>$")]
    private static partial Regex NameOnly();

    [GeneratedRegex(@"^<([^>]+)>\s*<([^>]+)>$")]
    private static partial Regex AddressOnly();

    [GeneratedRegex(@"^(.+)<([^>]+)>\s*<([^>]+)>$")]
    private static partial Regex NameAddressAddress();

    [GeneratedRegex(@"^(.+)<([^>]+)>\s*(.+)\s*<([^>]+)>$")]
    private static partial Regex Full();
}
