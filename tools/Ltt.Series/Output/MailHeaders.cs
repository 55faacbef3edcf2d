using System.Text;

namespace Ltt.Series.Output;

/// <summary>
/// Header values written the way git format-patch writes them: non-ASCII names and subjects as
/// one RFC 2047 "Q" encoded word (space as =20), long ASCII subjects folded at 78 columns,
/// address lists one per line. Values never carry a line break of their own: CR and LF in
/// user data are replaced by spaces, so nothing can smuggle in a header.
/// </summary>
public static class MailHeaders
{
    private const int MaxLength = 78;

    public static string Clean(string value) => value.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');

    public static string Address(string name, string email)
    {
        name = Clean(name);
        email = Clean(email);
        if (name.Length == 0)
            return email;
        if (NeedsEncoding(name))
            return EncodeWord(name, address: true, firstLineUsed: "From: ".Length) + $" <{email}>";
        if (name.IndexOfAny(['(', ')', '<', '>', '[', ']', ':', ';', '@', '\\', ',', '.', '"']) >= 0)
            return "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + $"\" <{email}>";
        return $"{name} <{email}>";
    }

    /// <summary>The full "Subject: prefix title" header line(s), without the final line feed.</summary>
    public static string Subject(string prefix, string title)
    {
        title = Clean(title);
        string head = "Subject: " + (prefix.Length > 0 ? prefix + " " : "");
        if (NeedsEncoding(title))
            return head + EncodeWord(title, address: false, firstLineUsed: head.Length);
        return Wrap(head, title);
    }

    /// <summary>"To: a,\n    b" as git writes address lists.</summary>
    public static string List(string header, IReadOnlyList<string> addresses) =>
        header + ": " + string.Join(",\n    ", addresses.Select(Clean));

    public static bool NeedsEncoding(string s) => s.Any(c => c > 127) || s.Contains("=?", StringComparison.Ordinal);

    private static string EncodeWord(string text, bool address, int firstLineUsed)
    {
        var sb = new StringBuilder("=?UTF-8?q?");
        int lineLength = firstLineUsed + sb.Length;
        const int maxEncoded = 76;
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            int n = rune.EncodeToUtf8(bytes);
            bool special = n > 1 || IsSpecial((char)bytes[0], address);
            int needed = special ? 3 * n : 1;
            if (lineLength + 2 + needed > maxEncoded)
            {
                sb.Append("?=\n =?UTF-8?q?");
                lineLength = " =?UTF-8?q?".Length;
            }
            for (int k = 0; k < n; k++)
            {
                if (special)
                    sb.Append('=').Append(bytes[k].ToString("X2"));
                else
                    sb.Append((char)bytes[k]);
            }
            lineLength += needed;
        }
        return sb.Append("?=").ToString();
    }

    private static bool IsSpecial(char c, bool address)
    {
        if (c > 127 || c < 33 || c == 127)
            return true;
        if (c is '=' or '?' or '_')
            return true;
        return address && !(char.IsAsciiLetterOrDigit(c) || c is '!' or '*' or '+' or '-' or '/');
    }

    private static string Wrap(string head, string text)
    {
        var sb = new StringBuilder(head);
        int column = head.Length;
        bool first = true;
        foreach (string word in text.Split(' '))
        {
            if (!first && column + 1 + word.Length > MaxLength)
            {
                sb.Append("\n ");
                column = 1;
            }
            else if (!first)
            {
                sb.Append(' ');
                column++;
            }
            sb.Append(word);
            column += word.Length;
            first = false;
        }
        return sb.ToString();
    }
}
