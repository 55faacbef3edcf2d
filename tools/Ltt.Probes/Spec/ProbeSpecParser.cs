using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Spec;

/// <summary>
/// Parses <c>ltt/probes.spec</c>. Line-based; '#' starts a comment; a line that starts with
/// white space continues the previous one. Statements:
/// <code>
/// channel &lt;system&gt; &lt;channel&gt;
/// include &lt;channel&gt; &lt;header&gt;
/// struct &lt;name&gt;: &lt;member&gt; [as #tracetype], ...     (or '-' to record nothing)
/// &lt;tracepoint&gt; [-&gt; &lt;channel&gt;.&lt;marker&gt;]: [&lt;field&gt; =] &lt;path&gt; [as #tracetype], ...   (or '-' to skip)
/// kprobe &lt;function&gt; [-&gt; &lt;channel&gt;.&lt;marker&gt;]: [&lt;field&gt; =] &lt;path&gt; [as string | as #tracetype], ...
/// kretprobe &lt;function&gt; [-&gt; &lt;channel&gt;.&lt;marker&gt;]: $retval [as #tracetype]
/// </code>
/// Syntax errors are returned as diagnostics with the file and line; the parse goes on with
/// the next statement so one run reports them all.
/// </summary>
public static class ProbeSpecParser
{
    public static ProbeSpecParseResult Parse(string text, string file)
    {
        var diagnostics = new List<ScanDiagnostic>();
        var entries = new Dictionary<string, ProbeSpecEntry>(StringComparer.Ordinal);
        var structs = new Dictionary<string, StructDefault>(StringComparer.Ordinal);
        var channels = new Dictionary<string, string>(StringComparer.Ordinal);
        var includes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var kprobes = new List<KprobeSpecEntry>();

        foreach (var (line, statement) in Statements(text))
        {
            var location = new SourceLocation(file, line);
            void Error(string message) => diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, location, message));

            string[] words = statement.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words[0] is "channel" && !statement.Contains(':'))
            {
                if (words.Length != 3 || !IsIdentifier(words[1]) || !IsIdentifier(words[2]))
                    Error("expected 'channel <system> <channel>'");
                else if (!channels.TryAdd(words[1], words[2]))
                    Error($"system '{words[1]}' already has a channel");
                continue;
            }
            if (words[0] is "include" && !statement.Contains(':'))
            {
                if (words.Length != 3 || !IsIdentifier(words[1]) || !IsHeader(words[2]))
                    Error("expected 'include <channel> <header.h>'");
                else
                    Add(includes, words[1], words[2]);
                continue;
            }

            int colon = statement.IndexOf(':');
            if (colon < 0)
            {
                Error($"expected '<tracepoint>: <values>', 'struct <name>: <members>', 'channel' or 'include', found '{statement}'");
                continue;
            }
            string head = statement[..colon].Trim();
            string body = statement[(colon + 1)..].Trim();

            if (head.StartsWith("struct ", StringComparison.Ordinal))
            {
                string name = head["struct ".Length..].Trim();
                if (!IsIdentifier(name))
                {
                    Error($"'{name}' is not a struct name");
                    continue;
                }
                var members = body == "-" ? [] : ParseItems(body, location, diagnostics, allowFieldName: true);
                if (members is null)
                    continue;
                if (!structs.TryAdd(name, new StructDefault(name, members, location)))
                    Error($"struct {name} is described twice (first at line {structs[name].Location.Line})");
                continue;
            }

            if (words[0] is "kprobe" or "kretprobe")
            {
                if (Kprobe(words[0] == "kretprobe", head[words[0].Length..].Trim(), body, location, diagnostics) is { } kprobe)
                {
                    if (kprobes.FirstOrDefault(k => k.EventName == kprobe.EventName) is { } first)
                        Error($"{words[0]} {kprobe.Function} is described twice (first at line {first.Location.Line})");
                    else
                        kprobes.Add(kprobe);
                }
                continue;
            }

            string tracepoint = head;
            string? channel = null, marker = null;
            int arrow = head.IndexOf("->", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                tracepoint = head[..arrow].Trim();
                string target = head[(arrow + 2)..].Trim();
                int dot = target.IndexOf('.');
                if (dot < 0 || !IsIdentifier(target[..dot]) || !IsIdentifier(target[(dot + 1)..]))
                {
                    Error($"expected '-> <channel>.<marker>', found '-> {target}'");
                    continue;
                }
                channel = target[..dot];
                marker = target[(dot + 1)..];
            }
            if (!IsIdentifier(tracepoint))
            {
                Error($"'{tracepoint}' is not a tracepoint name");
                continue;
            }
            bool skip = body == "-";
            var items = skip || body.Length == 0 ? [] : ParseItems(body, location, diagnostics, allowFieldName: true);
            if (items is null)
                continue;
            if (!entries.TryAdd(tracepoint, new ProbeSpecEntry(tracepoint, channel, marker, items, skip, location)))
                Error($"tracepoint {tracepoint} is described twice (first at line {entries[tracepoint].Location.Line})");
        }

        var spec = new ProbeSpec(
            file,
            entries,
            structs,
            channels,
            includes.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal)) { Kprobes = kprobes };
        return new ProbeSpecParseResult(spec, diagnostics);
    }

    /// <summary>
    /// <c>kprobe f -&gt; fs.open: ...</c> after its keyword: the function, the optional channel and
    /// marker (default channel <c>kprobes</c>, marker the function's name, with <c>_return</c> for a
    /// kretprobe), the values. A kretprobe records only <c>$retval</c>: at the return, the
    /// parameters' registers hold something else.
    /// </summary>
    private static KprobeSpecEntry? Kprobe(bool isReturn, string head, string body, SourceLocation location, List<ScanDiagnostic> diagnostics)
    {
        string keyword = isReturn ? "kretprobe" : "kprobe";
        void Error(string message) => diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, location, message));
        string function = head;
        string channel = "kprobes";
        string? marker = null;
        int arrow = head.IndexOf("->", StringComparison.Ordinal);
        if (arrow >= 0)
        {
            function = head[..arrow].Trim();
            string target = head[(arrow + 2)..].Trim();
            int dot = target.IndexOf('.');
            if (dot < 0 || !IsIdentifier(target[..dot]) || !IsIdentifier(target[(dot + 1)..]))
            {
                Error($"expected '-> <channel>.<marker>', found '-> {target}'");
                return null;
            }
            channel = target[..dot];
            marker = target[(dot + 1)..];
        }
        if (!IsIdentifier(function))
        {
            Error($"expected '{keyword} <function> [-> <channel>.<marker>]: <values>', found '{keyword} {head}'");
            return null;
        }
        var items = new List<ProbeSpecItem>();
        if (body.Length > 0)
        {
            var parts = new List<string>();
            var asString = new HashSet<int>();
            foreach (string raw in body.Split(','))
            {
                string item = raw.Trim();
                if (item.EndsWith(" as string", StringComparison.Ordinal))
                {
                    asString.Add(parts.Count);
                    item = item[..^" as string".Length].TrimEnd();
                }
                if (item.Contains("$retval", StringComparison.Ordinal))
                {
                    if (!isReturn)
                    {
                        Error($"kprobe {function}: $retval is a kretprobe's value (the function has not returned at its entry)");
                        return null;
                    }
                    item = item.Replace("$retval", KprobeSpecEntry.ReturnValue, StringComparison.Ordinal);
                }
                parts.Add(item);
            }
            var parsed = ParseItems(string.Join(", ", parts), location, diagnostics, allowFieldName: true);
            if (parsed is null)
                return null;
            items.AddRange(parsed.Select((item, i) => asString.Contains(i) ? item with { AsString = true } : item));
        }
        if (isReturn && items.FirstOrDefault(i => PathParts(i.Path)[0] != KprobeSpecEntry.ReturnValue) is { } notReturn)
        {
            Error($"kretprobe {function}: '{notReturn.Path}' is a parameter; a kretprobe records only $retval (at the return, the parameters' registers hold other values)");
            return null;
        }
        return new KprobeSpecEntry(function, isReturn, channel, marker ?? (isReturn ? function + "_return" : function), items, location);
    }

    /// <summary>Loads the spec of a tree; a tree without one gets <see cref="ProbeSpec.Empty"/>.</summary>
    public static ProbeSpecParseResult Load(string treeRoot, string relativePath = "ltt/probes.spec")
    {
        string path = Path.Combine(treeRoot, relativePath);
        if (!System.IO.File.Exists(path))
            return new ProbeSpecParseResult(ProbeSpec.Empty with { File = relativePath }, []);
        return Parse(System.IO.File.ReadAllText(path), relativePath);
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        if (!list.Contains(value))
            list.Add(value);
    }

    /// <summary>Joins continuation lines and drops comments; yields each statement with its first line number.</summary>
    private static IEnumerable<(int Line, string Text)> Statements(string text)
    {
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        int startLine = 0;
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            string raw = lines[i];
            int hash = raw.IndexOf('#');
            // '#' inside "as #2d" is a trace type, not a comment: a comment starts a line or follows white space and is not "as #".
            while (hash >= 0 && IsTraceTypeHash(raw, hash))
                hash = raw.IndexOf('#', hash + 1);
            string content = (hash >= 0 ? raw[..hash] : raw).Replace('\t', ' ');
            bool continuation = content.Length > 0 && content[0] == ' ';
            if (content.Trim().Length == 0)
                continue;
            if (continuation && current.Length > 0)
            {
                current.Append(' ').Append(content.Trim());
                continue;
            }
            if (current.Length > 0)
                yield return (startLine, current.ToString());
            current.Clear().Append(content.Trim());
            startLine = i + 1;
        }
        if (current.Length > 0)
            yield return (startLine, current.ToString());
    }

    private static bool IsTraceTypeHash(string line, int hash)
    {
        string before = line[..hash].TrimEnd();
        return before.EndsWith(" as", StringComparison.Ordinal) || before == "as";
    }

    private static List<ProbeSpecItem>? ParseItems(string body, SourceLocation location, List<ScanDiagnostic> diagnostics, bool allowFieldName)
    {
        var items = new List<ProbeSpecItem>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string rawItem in body.Split(','))
        {
            string item = rawItem.Trim();
            void Error(string message) => diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, location, message));
            if (item.Length == 0)
            {
                Error("empty value in the list (two commas, or a comma at the end)");
                return null;
            }
            string? field = null;
            int equals = item.IndexOf('=');
            if (equals >= 0)
            {
                field = item[..equals].Trim();
                item = item[(equals + 1)..].Trim();
                if (!allowFieldName)
                {
                    Error("'name =' is not allowed here");
                    return null;
                }
                if (!IsIdentifier(field))
                {
                    Error($"'{field}' is not a field name");
                    return null;
                }
            }
            TraceType? traceType = null;
            int asAt = item.IndexOf(" as ", StringComparison.Ordinal);
            if (asAt >= 0)
            {
                string cast = item[(asAt + 4)..].Trim();
                item = item[..asAt].Trim();
                if (!MarkerFormat.TryParse($"x {cast}%d", out var parsed, out var castError) || parsed.Fields.Count != 1)
                {
                    Error($"'as {cast}': {castError?.Message ?? "expected one trace type such as #2d or #n4u"}");
                    return null;
                }
                traceType = parsed.Fields[0].TraceType;
                if (traceType is null)
                {
                    Error($"'as {cast}': expected a trace type such as #2d or #n4u");
                    return null;
                }
            }
            if (!IsPath(item))
            {
                Error($"'{item}' is not an argument or a member path such as prev->pid");
                return null;
            }
            var spec = new ProbeSpecItem(field, item, traceType, location);
            if (!names.Add(spec.FieldName))
            {
                Error($"field '{spec.FieldName}' is recorded twice");
                return null;
            }
            items.Add(spec);
        }
        return items;
    }

    internal static bool IsIdentifier(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsHeader(string text) =>
        text.EndsWith(".h", StringComparison.Ordinal) && !text.Contains("..") && !text.StartsWith('/') &&
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/' or '.');

    /// <summary>Splits a path into its argument and its member steps (<c>prev</c>, <c>-&gt;state</c>).</summary>
    internal static IReadOnlyList<string> PathParts(string path)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < path.Length)
        {
            int start = i;
            // A '-' not followed by '>' starts a step too (one IsPath rejects), so every step moves on.
            if (path[i] == '.')
                i++;
            else if (path[i] == '-')
                i += i + 1 < path.Length && path[i + 1] == '>' ? 2 : 1;
            while (i < path.Length && path[i] is not ('.' or '-'))
                i++;
            parts.Add(path[start..i]);
        }
        return parts;
    }

    private static bool IsPath(string text)
    {
        var parts = PathParts(text.Replace(" ", ""));
        if (text.Contains(' ') || parts.Count == 0 || !IsIdentifier(parts[0]))
            return false;
        foreach (string step in parts.Skip(1))
        {
            string member = step.StartsWith("->", StringComparison.Ordinal) ? step[2..] : step.StartsWith('.') ? step[1..] : "";
            if (!IsIdentifier(member))
                return false;
        }
        return true;
    }
}
