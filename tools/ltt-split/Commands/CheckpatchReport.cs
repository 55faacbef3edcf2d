using Ltt.Cli;
using Ltt.Series.Checkpatch;

namespace LttSplit.Commands;

/// <summary>
/// <c>ltt-split series --checkpatch</c>: runs checkpatch.pl on the patches just written (not
/// the cover letters), prints every finding and a line per series, and fails on an ERROR.
/// </summary>
public static class CheckpatchReport
{
    public static int Run(string script, string tree, string folder, TextWriter output, TextWriter error)
    {
        var patches = Directory.EnumerateFiles(folder, "*.patch", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("0000-cover-letter.patch", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var display = TerminalProgress.For(error, quiet: false);
        var (results, diagnostics) = display.Run("checkpatch.pl", () => CheckpatchRunner.Run(script, tree, patches,
            display.Draws ? (done, total) => display.Report($"checkpatch.pl: {done} of {total} patches", done, total) : null));
        if (diagnostics.Count > 0)
            return RouteCommand.Report(diagnostics, error);

        foreach (var finding in results.SelectMany(r => r.Findings))
            output.WriteLine(finding);
        foreach (var series in results.GroupBy(r => Path.GetDirectoryName(r.File)!, StringComparer.Ordinal))
        {
            int errors = series.Sum(r => r.Errors), warnings = series.Sum(r => r.Warnings), checks = series.Sum(r => r.Checks);
            string state = series.All(r => r.Clean) ? "clean" : $"{errors} errors, {warnings} warnings" + (checks > 0 ? $", {checks} checks" : "");
            output.WriteLine($"checkpatch {series.Key}: {series.Count()} {(series.Count() == 1 ? "patch" : "patches")}, {state}");
        }
        int totalErrors = results.Sum(r => r.Errors);
        output.WriteLine($"checkpatch: {results.Count(r => r.Clean)} of {results.Count} patches clean, {totalErrors} errors, {results.Sum(r => r.Warnings)} warnings");
        if (totalErrors > 0)
            error.WriteLine($"ltt-split: checkpatch found {totalErrors} errors; the series are written, fix the patches before sending");
        return totalErrors > 0 ? (int)ExitCode.CheckFailed : (int)ExitCode.Success;
    }
}
