using System.Text;

namespace Ltt.Trace.Ctf;

/// <summary>
/// Maps event and field names to TSDL. Field names become identifiers the way LTTng writes them:
/// a leading underscore (which CTF readers strip, so keywords and odd names stay usable), and
/// every character outside <c>[A-Za-z0-9_]</c> replaced by an underscore; names that then
/// collide get <c>_2</c>, <c>_3</c>... in field order. Event names are quoted strings.
/// </summary>
public static class TsdlNames
{
    /// <summary>The TSDL identifier of each name, in order, deterministic and unique.</summary>
    public static IReadOnlyList<string> FieldIdentifiers(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string name in names)
        {
            string baseName = "_" + Sanitize(name);
            string candidate = baseName;
            for (int n = 2; !used.Add(candidate); n++)
                candidate = baseName + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.Add(candidate);
        }
        return result;
    }

    /// <summary>A TSDL string literal (with its quotes) holding <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        builder.Append('_');
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    private static string Sanitize(string name)
    {
        if (name.Length == 0)
            return "field";
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return builder.ToString();
    }
}
