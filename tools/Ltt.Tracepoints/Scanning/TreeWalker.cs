using Ltt.IO;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Lists the .c and .h files of the folders to scan and reads the ones whose text names a site macro,
/// a marker or CREATE_TRACE_POINTS. This is only a cheap filter: every site is then found in tokens.
/// </summary>
internal static class TreeWalker
{
    private static readonly string[] MarkerWords = ["trace_mark", "DEFINE_MARKER"];
    private const string NotRegular = "not a regular file (a FIFO, a device, or a link to one): not read";

    public static List<SourceFile> Walk(string tree, IReadOnlyList<string> paths, List<ScanDiagnostic> diagnostics)
    {
        var roots = paths.Count == 0 ? [tree] : paths.Select(p => Path.GetFullPath(Path.Combine(tree, p))).ToList();
        var files = new List<string>();
        foreach (string root in roots)
        {
            if (File.Exists(root) && SpecialFile.Is(root))
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(Rel(tree, root), 0),
                    NotRegular) { IsInputError = true });
            }
            else if (File.Exists(root))
            {
                files.Add(root);
            }
            else if (Directory.Exists(root))
            {
                Collect(tree, root, files, diagnostics);
            }
            else
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(Path.GetRelativePath(tree, root), 0),
                    "no such file or folder in the tree") { IsInputError = true });
            }
        }
        var result = new List<SourceFile>();
        foreach (string file in files.Distinct().Order(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(Rel(tree, file), 0), "cannot read: " + e.Message) { IsInputError = true });
                continue;
            }
            bool sites = file.EndsWith(".h", StringComparison.Ordinal) && SiteMacros.All.Any(m => text.Contains(m, StringComparison.Ordinal));
            bool markers = MarkerWords.Any(m => text.Contains(m, StringComparison.Ordinal));
            bool create = file.EndsWith(".c", StringComparison.Ordinal) && text.Contains("CREATE_TRACE_POINTS", StringComparison.Ordinal);
            if (sites || markers || create)
                result.Add(new SourceFile(file, text, sites, markers, create));
        }
        return result;
    }

    private static void Collect(string tree, string dir, List<string> files, List<ScanDiagnostic> diagnostics)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(dir).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(Rel(tree, dir), 0), "cannot list: " + e.Message) { IsInputError = true });
            return;
        }
        foreach (string entry in entries)
        {
            string name = Path.GetFileName(entry);
            if (name.StartsWith('.'))
                continue;
            string rel = Rel(tree, entry);
            if (ScanOptions.MachineryFiles.Any(m => m.EndsWith('/') ? (rel + "/").StartsWith(m, StringComparison.Ordinal) : rel == m))
                continue;
            if (Directory.Exists(entry))
            {
                if (new DirectoryInfo(entry).LinkTarget is null)
                    Collect(tree, entry, files, diagnostics);
            }
            else if (name.EndsWith(".c", StringComparison.Ordinal) || name.EndsWith(".h", StringComparison.Ordinal))
            {
                if (SpecialFile.Is(entry))
                    diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(rel, 0),
                        NotRegular));
                else
                    files.Add(entry);
            }
        }
    }

    private static string Rel(string tree, string path) => Path.GetRelativePath(tree, path).Replace('\\', '/');
}
