using Ltt.Clang;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// What the tokens of one file say, without preprocessing it: its directives (with the lines they span),
/// its conditional regions, and the calls of a set of macros outside directives.
/// </summary>
internal sealed class FileTokens
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly HashSet<int> _directiveTokens = [];

    public FileTokens(IReadOnlyList<Token> tokens, string text)
    {
        // libclang hands comments on as tokens; C has none (TRACE_EVENT(/* put_tid */ hfi1_put_tid, ... in hfi1).
        tokens = tokens.Where(t => t.Kind != TokenKind.Comment).ToList();
        _tokens = tokens;
        string[] lines = text.Split('\n');
        var directives = new List<Directive>();
        int lastLine = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            Token t = tokens[i];
            bool firstOnLine = t.Position.Line != lastLine;
            lastLine = t.Position.Line;
            if (!(firstOnLine && t.Is("#")))
                continue;
            // A directive runs to the end of its logical line: physical lines ending in '\' continue it.
            int endLine = t.Position.Line;
            while (endLine - 1 < lines.Length && lines[endLine - 1].TrimEnd('\r').EndsWith('\\'))
                endLine++;
            int j = i;
            var body = new List<Token>();
            while (j < tokens.Count && tokens[j].Position.Line <= endLine)
            {
                _directiveTokens.Add(j);
                if (j > i + 1)
                    body.Add(tokens[j]);
                j++;
            }
            string keyword = i + 1 < tokens.Count && tokens[i + 1].Position.Line <= endLine ? tokens[i + 1].Spelling : string.Empty;
            directives.Add(new Directive(keyword, t.Position.Line, endLine, body));
            lastLine = endLine;
            i = j - 1;
        }
        Directives = directives;
        Regions = BuildRegions(directives);
    }

    public IReadOnlyList<Directive> Directives { get; }

    public IReadOnlyList<ConditionalRegion> Regions { get; }

    /// <summary>The CONFIG_ symbols of every condition around a line, innermost first.</summary>
    public IReadOnlyList<string> ConfigSymbolsAround(int line) =>
        Regions.Where(r => r.Contains(line)).OrderBy(r => r.EndLine - r.StartLine).SelectMany(r => r.ConfigSymbols).Distinct().ToList();

    /// <summary>
    /// The macro a trace header defines to be read once, from its
    /// <c>#if !defined(GUARD) || defined(TRACE_HEADER_MULTI_READ)</c> / <c>#define GUARD</c> pair, or null.
    /// </summary>
    public string? MultiReadGuard()
    {
        for (int i = 0; i + 1 < Directives.Count; i++)
        {
            Directive d = Directives[i], next = Directives[i + 1];
            if (d.Keyword is "if" or "ifndef" && d.Body.Any(t => t.Is("TRACE_HEADER_MULTI_READ"))
                && next.Keyword == "define" && next.Body.Count == 1 && d.Body.Any(t => t.Is(next.Body[0].Spelling)))
                return next.Body[0].Spelling;
        }
        return null;
    }

    /// <summary>
    /// The CONFIG_ symbols of the conditions under which the file redefines one of <paramref name="macros"/>:
    /// ath5k's trace.h makes TRACE_EVENT a no-op under <c>#if !defined(CONFIG_ATH5K_TRACER)</c>.
    /// </summary>
    public IReadOnlyList<string> ConfigSymbolsRedefining(IReadOnlySet<string> macros) => Directives
        .Where(d => d.Keyword == "define" && d.Body.Count > 0 && macros.Contains(d.Body[0].Spelling))
        .SelectMany(d => ConfigSymbolsAround(d.Line)).Distinct().ToList();

    /// <summary>Whether a line is in an <c>#if 0</c> branch, off in every configuration and context.</summary>
    public bool IsAlwaysOff(int line) => Regions.Any(r => r.Contains(line) && r.Condition is "0" or "!(1)");

    /// <summary>The innermost <c>CONFIG_</c> condition around a line, or null.</summary>
    public string? GuardOf(int line) =>
        Regions.Where(r => r.Contains(line) && r.IsConfigGuard).MinBy(r => r.EndLine - r.StartLine)?.Condition;

    /// <summary>Every call of one of <paramref name="macros"/> outside preprocessor directives.</summary>
    public IReadOnlyList<MacroInvocation> FindInvocations(IReadOnlySet<string> macros)
    {
        var result = new List<MacroInvocation>();
        for (int i = 0; i < _tokens.Count; i++)
        {
            Token t = _tokens[i];
            if (t.Kind != TokenKind.Identifier || !macros.Contains(t.Spelling) || _directiveTokens.Contains(i))
                continue;
            if (i + 1 >= _tokens.Count || !_tokens[i + 1].Is("("))
                continue;
            int depth = 0;
            var args = new List<IReadOnlyList<Token>>();
            var current = new List<Token>();
            bool closed = false;
            int j = i + 1;
            for (; j < _tokens.Count; j++)
            {
                if (_directiveTokens.Contains(j))
                    continue;
                Token a = _tokens[j];
                if (a.Is("(") || a.Is("[") || a.Is("{"))
                {
                    if (depth++ == 0)
                        continue;
                }
                else if (a.Is(")") || a.Is("]") || a.Is("}"))
                {
                    if (--depth == 0)
                    {
                        closed = true;
                        break;
                    }
                }
                else if (a.Is(",") && depth == 1)
                {
                    args.Add(current);
                    current = [];
                    continue;
                }
                current.Add(a);
            }
            if (current.Count > 0 || args.Count > 0)
                args.Add(current);
            result.Add(new MacroInvocation(t.Spelling, t.Position.Line, args, closed));
            if (!closed)
                break;
            i = j;
        }
        return result;
    }

    private static List<ConditionalRegion> BuildRegions(IReadOnlyList<Directive> directives)
    {
        var regions = new List<ConditionalRegion>();
        var open = new Stack<(int Start, string Condition, string Negated, string[] Symbols)>();
        foreach (Directive d in directives)
        {
            switch (d.Keyword)
            {
                case "if":
                    open.Push((d.EndLine, d.Text, $"!({d.Text})", d.ConfigSymbols));
                    break;
                case "ifdef":
                    open.Push((d.EndLine, d.Text, "!" + d.Text, d.ConfigSymbols));
                    break;
                case "ifndef":
                    open.Push((d.EndLine, "!" + d.Text, d.Text, d.ConfigSymbols));
                    break;
                case "elif" or "elifdef" or "elifndef" when open.Count > 0:
                {
                    var top = open.Pop();
                    regions.Add(new ConditionalRegion(top.Start, d.Line, top.Condition, top.Symbols));
                    string text = d.Keyword == "elifndef" ? "!" + d.Text : d.Text;
                    open.Push((d.EndLine, text, $"!({text})", d.ConfigSymbols));
                    break;
                }
                case "else" when open.Count > 0:
                {
                    var top = open.Pop();
                    regions.Add(new ConditionalRegion(top.Start, d.Line, top.Condition, top.Symbols));
                    open.Push((d.EndLine, top.Negated, top.Condition, top.Symbols));
                    break;
                }
                case "endif" when open.Count > 0:
                {
                    var top = open.Pop();
                    regions.Add(new ConditionalRegion(top.Start, d.Line, top.Condition, top.Symbols));
                    break;
                }
            }
        }
        return regions;
    }

    /// <summary>A preprocessor directive: its keyword, the lines it spans and the tokens after the keyword.</summary>
    internal sealed record Directive(string Keyword, int Line, int EndLine, IReadOnlyList<Token> Body)
    {
        public string Text => TokenText.Join(Body);

        public string[] ConfigSymbols => Body
            .Where(t => t.Kind == TokenKind.Identifier && t.Spelling.StartsWith("CONFIG_", StringComparison.Ordinal))
            .Select(t => t.Spelling).Distinct().ToArray();
    }
}
