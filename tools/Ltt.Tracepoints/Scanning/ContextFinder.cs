using System.Text;
using Ltt.Clang;
using Ltt.IO;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Finds, for trace headers that only compile where they are instantiated, the .c file that does
/// <c>#define CREATE_TRACE_POINTS</c> and then includes them, with the text that comes before the define.
/// </summary>
internal static class ContextFinder
{
    /// <param name="kbuild">The folders' Kbuild include paths: <c>#include "scrub/trace.h"</c> in fs/xfs/scrub/trace.c is found through fs/xfs's <c>-I</c>.</param>
    /// <param name="scope">The Makefiles' conditions on each .c file's object, for <see cref="TraceContext.Config"/>.</param>
    public static Dictionary<string, TraceContext> Find(List<SourceFile> files, Dictionary<string, FileTokens> tokens, string tree,
        Kbuild.KbuildFlags? kbuild = null, Kbuild.BuildScope? scope = null)
    {
        var result = new Dictionary<string, TraceContext>(StringComparer.Ordinal);
        foreach (SourceFile file in files.Where(f => f.MayCreateTracePoints))
        {
            var directives = tokens[file.Path].Directives;
            string[] lines = file.Text.Split('\n');
            string inTree = Path.GetRelativePath(tree, file.Path).Replace('\\', '/');
            IReadOnlyList<string> objectConfig = scope is null || inTree.StartsWith("../", StringComparison.Ordinal) ? [] : scope.ObjectConditions(inTree);
            for (int i = 0; i < directives.Count; i++)
            {
                var d = directives[i];
                if (d.Keyword != "define" || d.Body.Count == 0 || !d.Body[0].Is("CREATE_TRACE_POINTS"))
                    continue;
                // Every header included until CREATE_TRACE_POINTS is undefined is instantiated here; its
                // context is the file before the define plus what comes between the define and its include.
                foreach (var include in directives.Skip(i + 1)
                             .TakeWhile(x => !(x.Keyword == "undef" && x.Body.Count > 0 && x.Body[0].Is("CREATE_TRACE_POINTS")))
                             .Where(x => x.Keyword == "include" && x.Body.Count > 0))
                {
                    string? header = Resolve(include, Path.GetDirectoryName(file.Path)!, tree, SearchPath(kbuild, tree, file.Path));
                    if (header is null)
                        continue;
                    var before = lines.Take(d.Line - 1).Concat(lines.Skip(d.EndLine).Take(include.Line - 1 - d.EndLine)).ToList();
                    var (open, openConfig) = OpenConditionals(directives, include.Line);
                    IReadOnlyList<string> config = [.. openConfig.Concat(objectConfig).Distinct()];
                    result.TryAdd(header, new TraceContext(file.Path, d.Line, string.Join('\n', before)) { Config = config, OpenConditionals = open });

                    // A subsystem's private header often includes the trace header itself (fs/afs/main.c
                    // instantiates through "internal.h"): then the context goes up to and including it.
                    if (include.Body[0].Spelling.StartsWith('"'))
                    {
                        string withIt = string.Join('\n', before.Append(lines[include.Line - 1]));
                        foreach (string traced in IncludesOf(header, tree))
                            result.TryAdd(traced, new TraceContext(file.Path, d.Line, withIt) { Config = config, OpenConditionals = open });
                    }
                }
            }
        }
        return result;
    }

    /// <summary>
    /// The conditionals still open at a line of a .c file, which the scan must close after the header, and the
    /// CONFIG_ options of those the line is in the true branch of (<c>#ifdef CONFIG_SND_PCM_XRUN_DEBUG</c>
    /// around sound/core/pcm_lib.c's CREATE_TRACE_POINTS): the file instantiates the header only with them set.
    /// </summary>
    private static (int Open, List<string> Config) OpenConditionals(IReadOnlyList<FileTokens.Directive> directives, int line)
    {
        var open = new Stack<FileTokens.Directive?>();
        foreach (var d in directives.TakeWhile(x => x.Line < line))
        {
            switch (d.Keyword)
            {
                case "if" or "ifdef" or "ifndef":
                    open.Push(d);
                    break;
                case "elif" or "elifdef" or "elifndef" or "else" when open.Count > 0:
                    open.Pop();
                    open.Push(null); // a later branch: its options are not the ones to set
                    break;
                case "endif" when open.Count > 0:
                    open.Pop();
                    break;
            }
        }
        var config = open.OfType<FileTokens.Directive>()
            .Where(d => d.Keyword != "ifndef" && !d.Body.Any(t => t.Is("!")))
            .SelectMany(d => d.ConfigSymbols).Distinct().ToList();
        return (open.Count, config);
    }

    /// <summary>The files a header includes directly, resolved like its own includes.</summary>
    private static IEnumerable<string> IncludesOf(string header, string tree)
    {
        // Never read to the end: the tree walk reports such a file when it is the tree's.
        if (SpecialFile.Is(header))
            yield break;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(header);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        string text = Encoding.UTF8.GetString(bytes);
        if (!text.Contains("trace", StringComparison.Ordinal))
            yield break;
        using var index = new ClangIndex();
        // A header libclang cannot read has no include to follow here; the scan of it reports that.
        if (!FileLexer.TryLex(index, header, bytes, out IReadOnlyList<Token>? tokens, out ParseError _))
            yield break;
        var includes = new FileTokens(tokens, text).Directives.Where(x => x.Keyword == "include" && x.Body.Count > 0).ToList();
        foreach (var include in includes)
        {
            if (Resolve(include, Path.GetDirectoryName(header)!, tree) is string path)
                yield return path;
        }
    }

    /// <summary>The -I folders Kbuild gives a source file, absolute.</summary>
    private static IReadOnlyList<string> SearchPath(Kbuild.KbuildFlags? kbuild, string tree, string file)
    {
        if (kbuild is null)
            return [];
        string folder = Path.GetRelativePath(tree, Path.GetDirectoryName(file)!).Replace('\\', '/');
        if (folder.StartsWith("..", StringComparison.Ordinal))
            return [];
        return kbuild.For(folder == "." ? "" : folder, Path.GetFileNameWithoutExtension(file) + ".o")
            .Where(f => f.StartsWith("-I", StringComparison.Ordinal) || f.StartsWith("-iquote", StringComparison.Ordinal))
            .Select(f => f.StartsWith("-I", StringComparison.Ordinal) ? f[2..] : f["-iquote".Length..]).ToList();
    }

    private static string? Resolve(FileTokens.Directive include, string dir, string tree, IReadOnlyList<string>? searchPath = null)
    {
        string spelled = include.Body[0].Spelling;
        if (spelled.Length > 2 && spelled[0] == '"')
        {
            foreach (string root in (IEnumerable<string>)[dir, .. searchPath ?? []])
            {
                string path = Path.GetFullPath(Path.Combine(root, spelled[1..^1]));
                if (File.Exists(path))
                    return path;
            }
            return null;
        }
        if (include.Body[0].Spelling.StartsWith('<'))
        {
            // The lexer gives <a/b.h> as one header-name token or as '<' 'a' '/' 'b' '.' 'h' '>'.
            string inner = spelled.Length > 2 && spelled.EndsWith('>')
                ? spelled[1..^1]
                : string.Concat(include.Body.Skip(1).TakeWhile(t => !t.Is(">")).Select(t => t.Spelling));
            string path = Path.GetFullPath(Path.Combine(tree, "include", inner));
            return File.Exists(path) ? path : null;
        }
        return null;
    }
}
