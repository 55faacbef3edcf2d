using System.Globalization;
using System.Text.RegularExpressions;

namespace Ltt.Trace.Tests.Ftrace;

/// <summary>
/// The kernel's own text of the recorded events, the oracle the page reader is checked against:
/// <c>trace-raw.txt</c> (tracefs <c>trace</c> with <c>options/raw</c>: pid, CPU, timestamp in ns,
/// then <c>type: ID</c>, or <c># ip text</c> for trace_marker writes) and <c>trace.txt</c> (the
/// default text: the print format's <c>key=value</c> pairs).
/// </summary>
internal static partial class KernelText
{
    /// <summary>One line of trace-raw.txt.</summary>
    public sealed record RawLine(int Pid, int Cpu, ulong Timestamp, int? Type, ulong? MarkerIp, string? MarkerText);

    /// <summary>One line of trace.txt.</summary>
    public sealed record TextLine(int Pid, int Cpu, ulong Microseconds, string Event, string Rest);

    public static List<RawLine> ReadRaw(string file)
    {
        var lines = new List<RawLine>();
        foreach (string line in File.ReadLines(file))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var m = RawPattern().Match(line);
            Assert.True(m.Success, $"{file}: unexpected line '{line}'");
            int pid = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int cpu = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            ulong ts = ulong.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            string rest = m.Groups[4].Value;
            if (rest.StartsWith("type: ", StringComparison.Ordinal))
                lines.Add(new RawLine(pid, cpu, ts, int.Parse(rest[6..], CultureInfo.InvariantCulture), null, null));
            else if (rest.StartsWith("# ", StringComparison.Ordinal))
            {
                int space = rest.IndexOf(' ', 2);
                lines.Add(new RawLine(pid, cpu, ts, null, ulong.Parse(rest[2..space], NumberStyles.HexNumber, CultureInfo.InvariantCulture), rest[(space + 1)..]));
            }
            else
                Assert.Fail($"{file}: unexpected raw line '{line}'");
        }
        return lines;
    }

    public static List<TextLine> ReadText(string file)
    {
        var lines = new List<TextLine>();
        foreach (string line in File.ReadLines(file))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var m = TextPattern().Match(line);
            Assert.True(m.Success, $"{file}: unexpected line '{line}'");
            ulong us = ulong.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) * 1_000_000 + ulong.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture);
            lines.Add(new TextLine(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                us, m.Groups[6].Value, m.Groups[7].Value));
        }
        return lines;
    }

    /// <summary>
    /// The <c>key=%conv</c> pairs of a print format whose argument is exactly <c>REC-&gt;key</c>:
    /// the fields the text shows unchanged, with the conversion they are shown with.
    /// </summary>
    public static Dictionary<string, char> PlainFields(string printFormat)
    {
        var result = new Dictionary<string, char>(StringComparer.Ordinal);
        if (!printFormat.StartsWith('"'))
            return result;
        int close = 1;
        while (close < printFormat.Length && (printFormat[close] != '"' || printFormat[close - 1] == '\\'))
            close++;
        string format = printFormat[1..close];
        var args = SplitArguments(printFormat[(close + 1)..]);
        int index = 0;
        foreach (Match m in ConversionPattern().Matches(format))
        {
            if (m.Value == "%%")
                continue;
            int arg = index++;
            string key = m.Groups[1].Value;
            char conversion = m.Groups[2].Value[^1];
            if (key.Length > 0 && arg < args.Count && args[arg] == "REC->" + key)
                result[key] = conversion;
        }
        return result;
    }

    /// <summary>The value after <c>key=</c> in a text line (up to the next space), or null.</summary>
    public static string? ValueOf(string rest, string key)
    {
        foreach (Match m in PairPattern().Matches(rest))
        {
            if (m.Groups[1].Value == key)
                return m.Groups[2].Value;
        }
        return null;
    }

    private static List<string> SplitArguments(string text)
    {
        var args = new List<string>();
        int depth = 0, start = -1;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && text[i - 1] != '\\')
                    quoted = false;
                continue;
            }
            if (c == '"')
                quoted = true;
            else if (c is '(' or '[' or '{')
                depth++;
            else if (c is ')' or ']' or '}')
                depth--;
            else if (c == ',' && depth == 0)
            {
                if (start >= 0)
                    args.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        if (start >= 0)
            args.Add(text[start..].Trim());
        return args;
    }

    [GeneratedRegex(@"^(\d+) (\d+) (\d+) (.*)$")]
    private static partial Regex RawPattern();

    [GeneratedRegex(@"^\s*.*-(\d+)\s+\[(\d+)\]\s+(\S+)\s+(\d+)\.(\d{6}): ([\w]+): ?(.*)$")]
    private static partial Regex TextPattern();

    [GeneratedRegex(@"(?:([A-Za-z_][\w]*)=)?%[-+ #0]*\d*(?:\.\d+)?((?:hh|h|ll|l|z)?[diuxXspc%])")]
    private static partial Regex ConversionPattern();

    [GeneratedRegex(@"(?:^|\s)([A-Za-z_]\w*)=(\S*)")]
    private static partial Regex PairPattern();
}
