using System.Text.RegularExpressions;

namespace Ltt.Series.Kinds;

/// <summary>
/// Reads the lines of one side of a file's diff (the old or the new text, context included,
/// in order) and says of each whether it is instrumentation, neutral or anything else.
/// Instrumentation is a statement that starts with a tracepoint macro
/// (<c>DECLARE_TRACE</c>, <c>DEFINE_TRACE</c>, the <c>TRACE_EVENT</c> family,
/// <c>EXPORT_TRACEPOINT_SYMBOL</c>), a <c>trace_*()</c> call or <c>trace_mark()</c> site, a
/// <c>DEFINE_MARKER</c>, an <c>if (trace_*_enabled())</c> guard, together with the lines that
/// continue it until its parentheses close; an <c>#include</c> of a trace or marker header;
/// the <c>CREATE_TRACE_POINTS</c> / <c>TRACE_SYSTEM</c> / <c>TRACE_INCLUDE_*</c> defines.
/// In a trace header (<see cref="IsTraceHeader"/>) every line is instrumentation: its
/// helpers, enums and <c>show_*()</c> macros belong to the tracepoints it defines. Blank
/// lines and comments are neutral. Context lines are read so that a statement begun before a
/// change is followed into it. Only C files (<c>.c</c>, <c>.h</c>, <c>.S</c>) hold
/// instrumentation; in the others (Kconfig, Makefiles, YAML, scripts, reStructuredText) a
/// comment in the file's own syntax is neutral and any other line is not.
/// </summary>
public sealed partial class InstrumentationLines(bool traceHeader, string path = "x.c")
{
    private readonly string? _lineComment = LineCommentOf(path);
    private int _open;
    private bool _inComment;
    private int _guardBraces;

    /// <summary>
    /// Whether a header is a trace header: it lies under <c>include/trace/events/</c>, or its
    /// lines (a new file's text, or the lines a diff shows, context included, each with its
    /// one-character diff marker) define a tracepoint and it lies under <c>include/trace/</c>,
    /// has "trace" in its name or defines <c>TRACE_SYSTEM</c>. The tracing machinery
    /// (<c>include/trace/define_trace.h</c>, <c>include/linux/tracepoint.h</c>) only redefines
    /// those macros and is no trace header.
    /// </summary>
    public static bool IsTraceHeader(string path, IReadOnlyCollection<string> lines)
    {
        if (!path.EndsWith(".h", StringComparison.Ordinal))
            return false;
        if (path.StartsWith("include/trace/events/", StringComparison.Ordinal))
            return true;
        bool defines = lines.Any(l => l.Length > 1 && TracepointDefinition().IsMatch(l[1..]));
        return defines && (path.StartsWith("include/trace/", StringComparison.Ordinal) || Path.GetFileName(path).Contains("trace", StringComparison.Ordinal)
            || lines.Any(l => l.Length > 1 && SystemDefine().IsMatch(l[1..])));
    }

    /// <summary>Classifies the next line of this side (its text without the diff marker).</summary>
    public LineKind Next(string text)
    {
        string line = text.Trim();
        if (_lineComment is not null)
            return line.Length == 0 || (_lineComment.Length > 0 && line.StartsWith(_lineComment, StringComparison.Ordinal)) ? LineKind.Neutral : LineKind.Other;
        if (_open > 0)
        {
            _open = Math.Max(0, _open + ParenBalance(line));
            return LineKind.Instrumentation;
        }
        if (_inComment)
        {
            if (line.Contains("*/", StringComparison.Ordinal))
                _inComment = false;
            return LineKind.Neutral;
        }
        if (line.Length == 0 || line == "\\")
            return LineKind.Neutral;
        if (line.StartsWith("//", StringComparison.Ordinal))
            return LineKind.Neutral;
        if (line.StartsWith("/*", StringComparison.Ordinal))
        {
            int close = line.IndexOf("*/", 2, StringComparison.Ordinal);
            if (close < 0)
            {
                _inComment = true;
                return LineKind.Neutral;
            }
            if (line[(close + 2)..].Trim().Length == 0)
                return LineKind.Neutral;
        }
        if (line == "*" || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("*/", StringComparison.Ordinal) || line.StartsWith("*\t", StringComparison.Ordinal))
            return LineKind.Neutral; // the middle of a comment whose opening line is outside the hunk
        if (traceHeader)
            return LineKind.Instrumentation;
        if (Statement().IsMatch(line))
        {
            _open = Math.Max(0, ParenBalance(line));
            return LineKind.Instrumentation;
        }
        if (Guard().IsMatch(line))
        {
            if (line.EndsWith('{'))
                _guardBraces++;
            return LineKind.Instrumentation;
        }
        if (line == "}" && _guardBraces > 0)
        {
            _guardBraces--;
            return LineKind.Instrumentation;
        }
        if (line.StartsWith('#'))
        {
            var include = Include().Match(line);
            if (include.Success)
                return TraceInclude().IsMatch(include.Groups[1].Value) ? LineKind.Instrumentation : LineKind.Other;
            if (TraceDefine().IsMatch(line))
                return LineKind.Instrumentation;
        }
        return LineKind.Other;
    }

    /// <summary>How a line comment starts in a file that is not C (null for C, whose comments are read as C's).</summary>
    private static string? LineCommentOf(string path)
    {
        string name = Path.GetFileName(path);
        string extension = Path.GetExtension(name);
        if (extension is ".c" or ".h" or ".S")
            return null;
        if (extension == ".rst")
            return "..";
        if (name.StartsWith("Kconfig", StringComparison.Ordinal) || name.StartsWith("Makefile", StringComparison.Ordinal) || name == "Kbuild"
            || extension is ".yaml" or ".yml" or ".sh" or ".py" or ".pl" or ".mk" or "")
            return "#";
        return ""; // a text file: no comment syntax, every non-blank line counts
    }

    /// <summary>Opening minus closing parentheses outside string and character literals and comments.</summary>
    public static int ParenBalance(string line)
    {
        int balance = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c is '"' or '\'')
            {
                for (i++; i < line.Length && line[i] != c; i++)
                    if (line[i] == '\\')
                        i++;
            }
            else if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                break;
            }
            else if (c == '(')
            {
                balance++;
            }
            else if (c == ')')
            {
                balance--;
            }
        }
        return balance;
    }

    [GeneratedRegex(@"^(?:trace_\w+|_+trace_mark\w*|DEFINE_TRACE\w*|DECLARE_TRACE\w*|TRACE_EVENT\w*|DECLARE_EVENT_CLASS\w*|DEFINE_EVENT\w*|DEFINE_MARKER\w*|EXPORT_TRACEPOINT_SYMBOL\w*|TRACE_DEFINE_ENUM|TRACE_DEFINE_SIZEOF)\s*\(")]
    private static partial Regex Statement();

    /// <summary>What a tracepoint definition starts with (the macros that declare events).</summary>
    [GeneratedRegex(@"^\s*(?:DECLARE_TRACE\w*|TRACE_EVENT\w*|DECLARE_EVENT_CLASS\w*|DEFINE_EVENT\w*)\s*\(")]
    private static partial Regex TracepointDefinition();

    [GeneratedRegex(@"^if\s*\(\s*(?:trace_\w+_enabled\s*\(\s*\)|unlikely\s*\(\s*trace_\w+_enabled\s*\(\s*\)\s*\))\s*\)\s*\{?$")]
    private static partial Regex Guard();

    [GeneratedRegex(@"^#\s*include\s*[<""]([^>""]+)[>""]")]
    private static partial Regex Include();

    [GeneratedRegex(@"trace|marker", RegexOptions.IgnoreCase)]
    private static partial Regex TraceInclude();

    [GeneratedRegex(@"^#\s*(?:define|undef)\s+(?:CREATE_TRACE_POINTS|TRACE_SYSTEM\w*|TRACE_INCLUDE_\w+|TRACE_HEADER_MULTI_READ|_TRACE_\w+_H)\b")]
    private static partial Regex TraceDefine();

    [GeneratedRegex(@"^\s*#\s*define\s+TRACE_SYSTEM\s")]
    private static partial Regex SystemDefine();
}
