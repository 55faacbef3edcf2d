using System.Collections.Concurrent;
using System.Text;
using Ltt.Clang;
using Ltt.Tracepoints.Model;
using Ltt.Tracepoints.Scanning;

namespace Ltt.Tracepoints.Functions;

/// <summary>
/// Finds kernel functions by name in a tree, as a kprobe needs them: the files whose text defines
/// the name at the start of a line (kernel style) are parsed with libclang under the build's flags,
/// and the definition gives the prototype in the target ABI, the <c>__user</c> parameters and the
/// reasons a kprobe cannot sit there. A function only a header defines <c>static inline</c> has no
/// address of its own: it is found, and refused.
/// </summary>
public static class KernelFunctionFinder
{
    private static readonly string[] SkippedFolders = ["Documentation", "tools", "scripts", "samples", "usr", ".git"];

    public static KernelFunctionLookup Find(ScanOptions options, IReadOnlyCollection<string> names)
    {
        var functions = new Dictionary<string, KernelFunction>(StringComparer.Ordinal);
        var notFound = new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = new List<ScanDiagnostic>();
        string tree = Path.GetFullPath(options.Tree);
        if (names.Count == 0)
            return new KernelFunctionLookup(functions, notFound, diagnostics);
        if (!Directory.Exists(tree) || Architecture.Find(options.Arch) is not { } architecture)
        {
            foreach (string name in names)
                notFound[name] = Directory.Exists(tree) ? Architecture.Unknown(options.Arch) : $"{options.Tree}: the tree is not a folder";
            return new KernelFunctionLookup(functions, notFound, diagnostics);
        }
        string? build = options.BuildDirectory is null ? null : Path.GetFullPath(options.BuildDirectory);
        var candidates = Candidates(tree, architecture.SourceArch, names);
        string compilerInclude = options.CompilerIncludeDirectory ?? KernelCompilerFlags.FindCompilerIncludeDirectory() ?? "";
        var flags = KernelCompilerFlags.Create(tree, build, options.Arch, compilerInclude.Length == 0 ? null : compilerInclude);
        using var env = ScanEnvironment.Create(tree, build, flags);
        using var index = new ClangIndex();
        // Each file is parsed once for all the names it defines: .c files first, then the headers' inline ones.
        var wanted = names.Distinct(StringComparer.Ordinal).ToList();
        var byFile = candidates.SelectMany(p => p.Value.Select(f => (f.File, f.Inline, Name: p.Key)))
            .GroupBy(f => (f.File, f.Inline))
            .OrderBy(g => g.Key.Inline).ThenBy(g => g.Key.File, StringComparer.Ordinal);
        foreach (var file in byFile)
        {
            var left = file.Select(f => f.Name).Where(n => !functions.ContainsKey(n)).ToList();
            if (left.Count == 0)
                continue;
            foreach (var found in Parse(env, index, file.Key.File, left, file.Key.Inline, diagnostics))
                functions[found.Name] = found;
        }
        foreach (string name in wanted.Where(n => !functions.ContainsKey(n)))
        {
            var files = candidates.GetValueOrDefault(name) ?? [];
            notFound[name] = files.Count == 0 ? "the tree defines no function of that name" : $"no definition parses ({string.Join(", ", files.Select(f => env.Relative(f.File)))})";
        }
        return new KernelFunctionLookup(functions, notFound, diagnostics);
    }

    /// <summary>Per name, the files with a line that starts a definition of it: .c files, and headers where it is <c>inline</c>.</summary>
    private static Dictionary<string, List<(string File, bool Inline)>> Candidates(string tree, string sourceArch, IReadOnlyCollection<string> names)
    {
        var found = new ConcurrentDictionary<string, List<(string, bool)>>(StringComparer.Ordinal);
        var patterns = names.Distinct(StringComparer.Ordinal).Select(n => (Name: n, Bytes: Encoding.ASCII.GetBytes(n))).ToList();
        Parallel.ForEach(Files(tree, sourceArch), file =>
        {
            byte[] text;
            try
            {
                text = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                return;
            }
            bool header = file.EndsWith(".h", StringComparison.Ordinal);
            foreach (var (name, bytes) in patterns)
            {
                if (DefinitionLine(text, bytes, header) is not { } inline)
                    continue;
                var list = found.GetOrAdd(name, _ => []);
                lock (list)
                    list.Add((file, inline));
            }
        });
        return found.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether a line of <paramref name="text"/> starts a definition of the name: it begins in column
    /// 0, the name follows a space or '*' and is followed by '(', and the line does not end a
    /// declaration with ';'. In a header only an inline definition counts (true); in a .c file any (false).
    /// </summary>
    private static bool? DefinitionLine(byte[] text, byte[] name, bool header)
    {
        var span = text.AsSpan();
        int from = 0;
        while (from < span.Length)
        {
            int at = span[from..].IndexOf(name);
            if (at < 0)
                return null;
            at += from;
            from = at + name.Length;
            int after = from;
            while (after < span.Length && span[after] == ' ')
                after++;
            if (after >= span.Length || span[after] != '(' || at == 0 || span[at - 1] is not ((byte)' ' or (byte)'*' or (byte)'\n'))
                continue;
            int lineStart = span[..at].LastIndexOf((byte)'\n') + 1;
            if (span[lineStart] is (byte)' ' or (byte)'\t' or (byte)'#' or (byte)'/' or (byte)'}' || span[lineStart..at].IndexOf((byte)'=') >= 0)
                continue;
            int lineEnd = span[at..].IndexOf((byte)'\n');
            var line = lineEnd < 0 ? span[lineStart..] : span[lineStart..(at + lineEnd)];
            if (line.TrimEnd((byte)' ').EndsWith(";"u8) || line.IndexOf("return "u8) >= 0)
                continue;
            bool inline = line.IndexOf("inline"u8) >= 0;
            if (header && !inline)
                continue;
            return inline;
        }
        return null;
    }

    private static IEnumerable<string> Files(string tree, string sourceArch)
    {
        var pending = new Stack<string>();
        pending.Push(tree);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            string rel = Path.GetRelativePath(tree, dir).Replace('\\', '/');
            foreach (string sub in Directory.EnumerateDirectories(dir))
            {
                string name = Path.GetFileName(sub);
                if (rel == "." && SkippedFolders.Contains(name))
                    continue;
                if (rel == "arch" && name != sourceArch)
                    continue;
                pending.Push(sub);
            }
            bool headers = rel == "include" || rel.StartsWith("include/", StringComparison.Ordinal)
                || rel.StartsWith("arch/" + sourceArch + "/include", StringComparison.Ordinal);
            foreach (string file in Directory.EnumerateFiles(dir))
            {
                if (file.EndsWith(".c", StringComparison.Ordinal) || (headers && file.EndsWith(".h", StringComparison.Ordinal)))
                    yield return file;
            }
        }
    }

    /// <summary>Why no kprobe can sit on the function, from the words before its name and its file's text; null when one can.</summary>
    private static string? Refusal(string name, bool inlineInHeader, HashSet<string> head, string text)
    {
        if (inlineInHeader || head.Contains("inline") || head.Contains("__always_inline"))
            return "it is declared static inline: it has no address of its own";
        if (head.Contains("notrace") || head.Contains("noinstr"))
            return $"it is declared {(head.Contains("notrace") ? "notrace" : "noinstr")}: the kernel does not probe it";
        if (head.Contains("__init") || head.Contains("__exit"))
            return $"it is {(head.Contains("__init") ? "__init" : "__exit")} code, gone once the kernel runs";
        if (text.Contains($"NOKPROBE_SYMBOL({name})", StringComparison.Ordinal))
            return "the file marks it NOKPROBE_SYMBOL: the kernel refuses kprobes on it";
        return null;
    }

    private static List<KernelFunction> Parse(ScanEnvironment env, ClangIndex index, string file, IReadOnlyCollection<string> names, bool inline, List<ScanDiagnostic> diagnostics)
    {
        var args = new List<string>(env.ParseArguments());
        args.AddRange(env.FolderFlags(file, file.EndsWith(".c", StringComparison.Ordinal) ? file : null));
        if (file.EndsWith(".h", StringComparison.Ordinal))
            args.AddRange(["-x", "c"]);
        if (!index.TryParse(file, args, env.VirtualFiles, ParseOptions.SkipFunctionBodies | ParseOptions.KeepGoing, out TranslationUnit? unit, out ParseError error))
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, new SourceLocation(env.Relative(file), 1), $"libclang could not parse the file ({error})"));
            return [];
        }
        var found = new List<KernelFunction>();
        using (unit)
        {
            string? text = null;
            foreach (Cursor c in unit.Cursor.Children)
            {
                if (c.Kind != CursorKind.FunctionDecl || c.Location.File != file || !names.Contains(c.Spelling) || found.Any(f => f.Name == c.Spelling))
                    continue;
                string name = c.Spelling;
                // The parse skips bodies, and the extent then ends with the prototype: a definition is a prototype followed by '{'.
                text ??= unit.FileText(file) ?? "";
                int end = c.Extent.End.Offset;
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                    end++;
                if (end >= text.Length || text[end] != '{')
                    continue;
                var tokens = c.Tokens.Select(t => t.Spelling).ToList();
                var converter = new TypeConverter(env.Relative);
                var head = tokens.TakeWhile(t => t != name).ToHashSet(StringComparer.Ordinal);
                var parameters = new List<KernelFunctionParam>();
                int i = 0;
                foreach (Cursor p in c.Arguments)
                {
                    i++;
                    string pname = p.Spelling.Length > 0 ? p.Spelling : "arg" + i;
                    bool user = p.Tokens.Any(t => t.Spelling == "__user");
                    parameters.Add(new KernelFunctionParam(pname, converter.Argument(p.Type), user));
                }
                found.Add(new KernelFunction(name, env.Location(c.Location), converter.Argument(c.Type.Result), parameters, c.Type.IsVariadic,
                    Refusal(name, inline, head, text)));
            }
        }
        return found;
    }
}
