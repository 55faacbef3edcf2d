using System.Globalization;
using System.Text.RegularExpressions;
using Ltt.IO;

namespace Ltt.Series.Checkpatch;

/// <summary>
/// Runs the kernel's <c>scripts/checkpatch.pl</c> on written patch files, one process per
/// patch, and reads its terse output. The tree is given as <c>--root</c> when it passes
/// checkpatch's own top-of-tree test (so tree-dependent checks run), else <c>--no-tree</c>.
/// Patch paths are passed absolute: checkpatch reads a relative path under <c>patches/</c>
/// as a source file, not as a patch.
/// </summary>
public static partial class CheckpatchRunner
{
    // checkpatch.pl's top_of_kernel_tree(): all of these must exist.
    private static readonly string[] TreeMarks =
    [
        "COPYING", "CREDITS", "Kbuild", "MAINTAINERS", "Makefile", "README", "Documentation",
        "arch", "include", "drivers", "fs", "init", "ipc", "kernel", "lib", "scripts",
    ];

    /// <summary>The script of a tree: <c>&lt;tree&gt;/scripts/checkpatch.pl</c>.</summary>
    public static string DefaultScript(string tree) => Path.Combine(tree, "scripts", "checkpatch.pl");

    public static bool IsKernelTop(string tree) =>
        TreeMarks.All(mark => File.Exists(Path.Combine(tree, mark)) || Directory.Exists(Path.Combine(tree, mark)));

    /// <summary>
    /// Checks every patch; a script that is missing or that does not run is a diagnostic, not a throw.
    /// Results come in the order of <paramref name="patches"/>; <paramref name="progress"/> hears
    /// (patches checked, patches) after each one, from the thread that checked it.
    /// </summary>
    public static (IReadOnlyList<CheckpatchResult> Results, IReadOnlyList<Diagnostic> Diagnostics) Run(
        string script, string tree, IReadOnlyList<string> patches, Action<int, int>? progress = null)
    {
        if (!File.Exists(script))
            return ([], [new Diagnostic(script, 0, "checkpatch.pl not found (give its path: --checkpatch <script>)")]);
        string[] treeArgs = IsKernelTop(tree) ? ["--root", Path.GetFullPath(tree)] : ["--no-tree"];
        var results = new CheckpatchResult?[patches.Count];
        var failures = new Diagnostic?[patches.Count];
        int checkedSoFar = 0;
        Parallel.For(0, patches.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            string full = Path.GetFullPath(patches[i]);
            var (code, output, error) = Perl(script, [.. treeArgs, "--terse", "--show-types", "--no-color", full]);
            // --terse prints nothing at all for a clean patch.
            var result = code == 0 && output.Trim().Length == 0
                ? new CheckpatchResult(patches[i], 0, 0, 0, [])
                : Parse(patches[i], full, output);
            if (result is null || code > 1)
                failures[i] = new Diagnostic(script, 0, $"checkpatch.pl failed on {patches[i]} (exit {code}): {FirstLine(error, output)}");
            else
                results[i] = result;
            progress?.Invoke(Interlocked.Increment(ref checkedSoFar), patches.Count);
        });
        var diagnostics = failures.OfType<Diagnostic>().ToList();
        return (diagnostics.Count == 0 ? results.Select(r => r!).ToList() : [], diagnostics);
    }

    /// <summary>Reads terse output: finding lines, then <c>total: E errors, W warnings, [C checks, ]N lines checked</c>.</summary>
    public static CheckpatchResult? Parse(string shownName, string fullPath, string output)
    {
        var findings = new List<CheckpatchFinding>();
        foreach (string line in output.Split('\n'))
        {
            var total = TotalLine().Match(line);
            if (total.Success)
            {
                int checks = total.Groups["checks"].Success ? Int(total.Groups["checks"].Value) : 0;
                return new CheckpatchResult(shownName, Int(total.Groups["errors"].Value), Int(total.Groups["warnings"].Value), checks, findings);
            }
            if (!line.StartsWith(fullPath + ":", StringComparison.Ordinal))
                continue;
            var finding = FindingLine().Match(line[(fullPath.Length + 1)..]);
            if (finding.Success)
            {
                findings.Add(new CheckpatchFinding(shownName, Int(finding.Groups["line"].Value), finding.Groups["level"].Value,
                    finding.Groups["type"].Value, finding.Groups["message"].Value));
            }
        }
        return null;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string FirstLine(string error, string output)
    {
        string text = error.Trim().Length > 0 ? error : output;
        return text.Trim().Split('\n')[0];
    }

    private static (int Code, string Output, string Error) Perl(string script, string[] args)
    {
        var run = ToolRun.Start("perl", [script, .. args]);
        return run.NotStarted ? (127, "", $"cannot run perl: {run.Error}") : (run.ExitCode, run.Output, run.Error);
    }

    [GeneratedRegex(@"^total: (?<errors>\d+) errors, (?<warnings>\d+) warnings, (?:(?<checks>\d+) checks, )?\d+ lines checked")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^(?<line>\d+): (?<level>ERROR|WARNING|CHECK):(?<type>[A-Z0-9_]+): (?<message>.*)$")]
    private static partial Regex FindingLine();
}
