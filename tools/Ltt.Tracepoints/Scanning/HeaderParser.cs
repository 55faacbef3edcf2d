using System.Text;
using Ltt.Clang;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Parses one trace header through the prelude and reads its sites back from the declarations the
/// prelude's macros made of them (see scan-prelude.h): prototypes for every site, records for every
/// event class. The header's tokens say which sites the source holds, so the ones that produced no
/// declaration are reported with a reason rather than dropped.
/// </summary>
internal sealed class HeaderParser
{
    private const string SitePrefix = "__ltt_tp_main_";
    private const string RecordPrefix = "__ltt_raw_";

    /// <summary>The reason of a balanced, active invocation that expanded to nothing (a site macro redefined away).</summary>
    public const string NoDeclaration = "the invocation produced no declaration";

    private readonly ScanEnvironment _env;

    public HeaderParser(ScanEnvironment env) => _env = env;

    public HeaderScan Parse(ClangIndex index, HeaderJob job, bool withContext, IReadOnlyList<string>? forcedConfig = null)
    {
        string header = job.Header;
        string dir = withContext && job.Context is not null ? Path.GetDirectoryName(job.Context.SourceFile)! : Path.GetDirectoryName(header)!;
        string main = Path.Combine(dir, "__ltt_scan_main__.c");
        var files = new List<UnsavedFile>(_env.VirtualFiles) { new(main, MainText(job, withContext)) };
        var diagnostics = new List<ScanDiagnostic>();
        string rel = _env.Relative(header);
        var args = new List<string>(_env.ParseArguments());
        args.AddRange(_env.FolderFlags(header, withContext ? job.Context?.SourceFile : null));
        foreach (string symbol in forcedConfig ?? [])
            args.Add($"-D{symbol}=1");
        if (!index.TryParse(main, args, files,
                ParseOptions.DetailedPreprocessingRecord | ParseOptions.SkipFunctionBodies | ParseOptions.KeepGoing,
                out TranslationUnit? unit, out ParseError error))
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(rel, 1), $"libclang could not parse the header ({error})"));
            var all = job.Invocations.Select(i => Unresolved(job, i, "libclang could not parse the header")).ToList();
            return new HeaderScan([], all, diagnostics, true, []);
        }
        using (unit)
            return Read(unit, job, rel, withContext);
    }

    private static string MainText(HeaderJob job, bool withContext)
    {
        var sb = new StringBuilder();
        if (withContext && job.Context is not null)
        {
            sb.Append("#undef LTT_PASS\n#define LTT_PASS ctx\n");
            sb.Append("#line 1 \"").Append(job.Context.SourceFile).Append("\"\n");
            sb.Append(job.Context.TextBefore).Append('\n');
            // Read again (TRACE_HEADER_MULTI_READ) only if the context has read it already: a first read
            // also declares what the header keeps out of later reads (nilfs2.h's enum under #ifndef TRACE_HEADER_MULTI_READ).
            if (job.Tokens.MultiReadGuard() is { } guard)
                sb.Append("#ifdef ").Append(guard).Append("\n#define TRACE_HEADER_MULTI_READ\n#endif\n");
            else
                sb.Append("#define TRACE_HEADER_MULTI_READ\n");
        }
        sb.Append("#undef LTT_PASS\n#define LTT_PASS main\n");
        sb.Append("#include \"").Append(job.Header).Append("\"\n");
        if (withContext && job.Context is not null)
            sb.Insert(sb.Length, "#endif\n", job.Context.OpenConditionals);
        return sb.ToString();
    }

    private HeaderScan Read(TranslationUnit unit, HeaderJob job, string rel, bool withContext)
    {
        string header = job.Header;
        var diagnostics = new List<ScanDiagnostic>();
        var clangErrors = unit.Diagnostics.Where(d => d.IsError).ToList();
        foreach (ClangDiagnostic d in clangErrors)
        {
            string file = d.Position.File.Length == 0 ? header : d.Position.File;
            if (file == header || d.Severity == ClangSeverity.Fatal)
            {
                var where = d.Position.File.Length == 0 ? new SourceLocation(rel, 1) : _env.Location(d.Position);
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, where, d.Message));
            }
        }

        var records = new Dictionary<string, (int Rank, Cursor Cursor)>();
        var siteDecls = new List<Cursor>();
        // What a probe including the header alone can call: functions and macros not from the context .c file.
        var callable = new HashSet<string>(_env.PreludeNames, StringComparer.Ordinal);
        string? contextFile = withContext ? job.Context?.SourceFile : null;
        var visible = new VisibleNames(_env.PreludeVisible);
        visible.AddUnit(unit, contextFile);
        foreach (Cursor c in unit.Cursor.Children)
        {
            if (c.Kind is CursorKind.FunctionDecl or CursorKind.MacroDefinition && (contextFile is null || c.Location.File != contextFile))
                callable.Add(c.Spelling);
            if (c.Kind == CursorKind.FunctionDecl)
            {
                string name = c.Spelling;
                if (name.StartsWith(SitePrefix, StringComparison.Ordinal))
                    siteDecls.Add(c);
            }
            else if (c.Kind == CursorKind.StructDecl)
            {
                string name = c.Spelling;
                if (!name.StartsWith(RecordPrefix, StringComparison.Ordinal))
                    continue;
                var ann = Annotations.Of(c);
                if (!ann.TryGetValue("record", out string? cls))
                    continue;
                int rank = name.StartsWith(RecordPrefix + "main_", StringComparison.Ordinal) ? 0
                    : name.StartsWith(RecordPrefix + "ctx_", StringComparison.Ordinal) ? 1 : 2;
                if (!records.TryGetValue(cls, out var existing) || rank < existing.Rank)
                    records[cls] = (rank, c);
            }
        }

        var converter = new TypeConverter(_env.Relative);
        var layouts = new EventLayoutReader(converter);
        string system = SystemOf(job);
        var sites = new List<TracepointSite>();
        var unresolved = new List<UnresolvedSite>();
        var seenLines = new HashSet<int>();
        var undefs = job.Tokens.Directives.Where(d => d.Keyword == "undef" && d.Body.Count == 1).Select(d => d.Body[0].Spelling)
            .Where(n => !n.StartsWith("TRACE_", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        var fieldMacros = FieldMacros.FromUnit(unit, IsMachinery, undefs.ToHashSet(StringComparer.Ordinal));
        var bodies = ClassBodies.Find(job.Invocations, rel, fieldMacros);
        foreach (Cursor decl in siteDecls)
        {
            SourcePosition at = decl.Location;
            if (at.File != header)
                continue;
            var ann = Annotations.Of(decl);
            string macro = ann.GetValueOrDefault("site", "");
            string name = ann.GetValueOrDefault("name", "");
            string? cls = ann.GetValueOrDefault("class") is { Length: > 0 } c ? c : null;
            SiteKind kind = SiteMacros.KindOf(macro) ?? SiteKind.DeclareTrace;
            var location = new SourceLocation(rel, at.Line, at.Column);
            string? guard = job.Tokens.GuardOf(at.Line);
            seenLines.Add(at.Line);

            string? reason = null;
            var args = new List<TracepointArg>();
            if (decl.IsInvalidDeclaration)
                reason = ErrorAt(clangErrors, header, at.Line) ?? "the prototype does not compile";
            foreach (Cursor p in decl.Arguments)
            {
                ClangType t = p.Type;
                if (reason is null && t.Canonical.Kind != TypeKind.Pointer && t.Canonical.SizeOf < 0 && t.Canonical.Kind != TypeKind.IncompleteArray)
                    reason = $"argument '{p.Spelling}' has incomplete type '{t.Spelling}'";
                args.Add(new TracepointArg(p.Spelling, converter.Argument(t)));
            }

            IReadOnlyList<EventField> fields = [];
            string? printText = ann.GetValueOrDefault("print") is { Length: > 0 } pt ? pt : null;
            if (reason is null && kind is not (SiteKind.DeclareTrace or SiteKind.DeclareTraceCondition))
            {
                if (cls is null || !records.TryGetValue(cls, out var record))
                {
                    reason = $"event class '{cls}' is not declared before this site";
                }
                else
                {
                    if (printText is null && Annotations.Of(record.Cursor).GetValueOrDefault("print") is { Length: > 0 } classPrint)
                        printText = classPrint;
                    var layout = layouts.Read(record.Cursor);
                    if (layout.Error is not null)
                        reason = ErrorAt(clangErrors, header, record.Cursor.Location.Line) ?? layout.Error;
                    else
                        fields = layout.Fields;
                }
            }
            if (reason is not null)
            {
                unresolved.Add(new UnresolvedSite(macro, name, location, reason, guard));
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, location, $"{macro}({name}): {reason}"));
                continue;
            }
            var (format, printArgs) = PrintText.Split(printText);
            var body = cls is not null && kind is not (SiteKind.DeclareTrace or SiteKind.DeclareTraceCondition) && bodies.TryGetValue(cls, out var b) ? b : default;
            var undeclared = ClassBodies.Calls(body.Entry, body.Assign).Where(n => !callable.Contains(n)).ToList();
            var unseen = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (string used in ClassBodies.FreeNames(body.Entry, body.Assign, (body.Args ?? []).Concat(args.Select(a => a.Name)), fields.Select(f => f.Name), visible.WordArguments))
            {
                if (visible.Missing(used) is { } missing)
                    unseen[used] = missing;
            }
            sites.Add(new TracepointSite(kind, name, macro, location, guard, kind is SiteKind.DeclareTrace or SiteKind.DeclareTraceCondition ? null : cls,
                system, args, fields, format, printArgs) { Entry = body.Entry, Assign = body.Assign, AssignArgs = body.Args, HeaderUndefs = body.Assign is null ? [] : undefs, UndeclaredCalls = undeclared, UnseenNames = unseen });
        }

        // Sites the tokens show but no declaration came from: inactive branches, broken invocations.
        IReadOnlyList<SourceSpan> skipped = unit.SkippedRanges(header);
        var inactive = new List<int>();
        foreach (MacroInvocation inv in job.Invocations)
        {
            if (seenLines.Contains(inv.Line))
                continue;
            string reason;
            if (!inv.Balanced)
                reason = "unbalanced parentheses: the macro's arguments never close";
            else if (inv.Arguments.Count != SiteMacros.Arity(inv.Macro))
                reason = $"{inv.Macro} takes {SiteMacros.Arity(inv.Macro)} arguments, found {inv.Arguments.Count}";
            else if (skipped.Any(s => s.Start.Line <= inv.Line && inv.Line <= s.End.Line))
            {
                reason = $"not compiled in this configuration (needs {InnermostCondition(job.Tokens, inv.Line) ?? "an inactive #if branch"})";
                inactive.Add(inv.Line);
            }
            else
                reason = ErrorAt(clangErrors, header, inv.Line) ?? NoDeclaration;
            UnresolvedSite u = Unresolved(job, inv, reason);
            unresolved.Add(u);
            if (!inv.Balanced || inv.Arguments.Count != SiteMacros.Arity(inv.Macro))
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, u.Location, $"{inv.Macro}({u.Name}): {reason}"));
            else
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, u.Location, $"{inv.Macro}({u.Name}): {reason}"));
        }
        bool hadErrors = clangErrors.Count > 0;
        return new HeaderScan(sites, unresolved, Dedupe(diagnostics), hadErrors, inactive);
    }

    /// <summary>Files whose macros are the tracing machinery's (or the prelude's), never expanded in a class body.</summary>
    private bool IsMachinery(string file)
    {
        if (file == _env.PreludePath)
            return true;
        string rel = _env.Relative(file);
        return ScanOptions.MachineryFiles.Any(m => m.EndsWith('/') ? rel.StartsWith(m, StringComparison.Ordinal) : rel == m);
    }

    private UnresolvedSite Unresolved(HeaderJob job, MacroInvocation inv, string reason)
    {
        int nameIndex = SiteMacros.NameIndex(inv.Macro);
        return new UnresolvedSite(inv.Macro, inv.ArgumentText(nameIndex), new SourceLocation(_env.Relative(job.Header), inv.Line), reason,
            job.Tokens.GuardOf(inv.Line));
    }

    private static string? InnermostCondition(FileTokens tokens, int line) =>
        tokens.Regions.Where(r => r.Contains(line)).MinBy(r => r.EndLine - r.StartLine)?.Condition;

    private static string? ErrorAt(IEnumerable<ClangDiagnostic> errors, string file, int line) =>
        errors.FirstOrDefault(d => d.Position.File == file && d.Position.Line == line)?.Message;

    private static string SystemOf(HeaderJob job)
    {
        var define = job.Tokens.Directives.LastOrDefault(d => d.Keyword == "define" && d.Body.Count >= 2 && d.Body[0].Is("TRACE_SYSTEM"));
        return define is not null ? TokenText.Join(define.Body.Skip(1).ToList()) : Path.GetFileNameWithoutExtension(job.Header);
    }

    private static List<ScanDiagnostic> Dedupe(List<ScanDiagnostic> diagnostics) => diagnostics.Distinct().ToList();
}
