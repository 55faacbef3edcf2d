namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Finds, for trace headers that only compile where they are instantiated, the .c file that does
/// <c>#define CREATE_TRACE_POINTS</c> and then includes them, with the text that comes before the define.
/// </summary>
internal static class ContextFinder
{
    public static Dictionary<string, TraceContext> Find(List<SourceFile> files, Dictionary<string, FileTokens> tokens, string tree)
    {
        var result = new Dictionary<string, TraceContext>(StringComparer.Ordinal);
        foreach (SourceFile file in files.Where(f => f.MayCreateTracePoints))
        {
            var directives = tokens[file.Path].Directives;
            for (int i = 0; i < directives.Count; i++)
            {
                var d = directives[i];
                if (d.Keyword != "define" || d.Body.Count == 0 || !d.Body[0].Is("CREATE_TRACE_POINTS"))
                    continue;
                var include = directives.Skip(i + 1).FirstOrDefault(x => x.Keyword == "include");
                if (include is null || include.Body.Count == 0)
                    continue;
                string? header = Resolve(include, Path.GetDirectoryName(file.Path)!, tree);
                if (header is null || result.ContainsKey(header))
                    continue;
                string before = string.Join('\n', file.Text.Split('\n').Take(d.Line - 1));
                result[header] = new TraceContext(file.Path, d.Line, before);
            }
        }
        return result;
    }

    private static string? Resolve(FileTokens.Directive include, string dir, string tree)
    {
        string spelled = include.Body[0].Spelling;
        if (spelled.Length > 2 && spelled[0] == '"')
        {
            string path = Path.GetFullPath(Path.Combine(dir, spelled[1..^1]));
            return File.Exists(path) ? path : null;
        }
        if (include.Body[0].Is("<"))
        {
            string inner = string.Concat(include.Body.Skip(1).TakeWhile(t => !t.Is(">")).Select(t => t.Spelling));
            string path = Path.GetFullPath(Path.Combine(tree, "include", inner));
            return File.Exists(path) ? path : null;
        }
        return null;
    }
}
