using System.CommandLine;
using Ltt.Cli;
using Ltt.IO;
using Ltt.Validation.Harness;
using Ltt.Validation.Reports;
using Ltt.Probes.Generation;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Markers;

namespace LttTrace.Commands;

/// <summary>
/// <c>ltt-trace ci KERNEL-TREE [-o DIR] [--junit FILE]</c>: the CI validation run. Prints one line
/// per event (recorded, decoded, mismatched) and every mismatch; exit 1 on any.
/// </summary>
public static class CiCommand
{
    public static Command Create()
    {
        var tree = new Argument<DirectoryInfo>("kernel-tree") { Description = "The kernel tree whose probes are generated and checked." };
        var output = new Option<DirectoryInfo?>("--output", "-o")
        {
            Description = "Keep the generated probes, harness build, trace and report here: a new or empty folder, or one ltt-trace ci wrote before (it holds "
                + Marker + "), which is replaced as a whole; default: a temporary folder, removed after a clean run.",
        };
        var force = new Option<bool>("--force") { Description = "Replace the output folder even if ltt-trace ci did not write it (never the tree)." };
        var junit = new Option<string?>("--junit") { Description = "Also write the result as JUnit XML to this file, and as an HTML page beside it (the same name ending in .html)." };
        var templates = new Option<DirectoryInfo?>("--templates") { Description = "Templates root to generate with (holding probes/<target>/ and metadata/) instead of the shipped ones." };
        var target = new Option<string>("--target") { Description = "Probe target (a folder of templates/probes/).", DefaultValueFactory = _ => "ltt-0.105" };
        var paths = new Option<string[]>("--path", "-p") { Description = "Scan only this folder or file of the tree (repeatable)." };
        var quiet = TerminalProgress.QuietOption();
        var command = new Command("ci", "The CI validation run: generate probes, build and run them with gcc, replay their payloads through the runtime, and check every value with ltt-trace's reader and babeltrace2.");
        command.Arguments.Add(tree);
        command.Options.Add(output);
        command.Options.Add(junit);
        command.Options.Add(templates);
        command.Options.Add(target);
        command.Options.Add(paths);
        command.Options.Add(force);
        command.Options.Add(quiet);
        command.SetAction(parse => Run(parse.GetValue(tree)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(junit),
            parse.GetValue(templates)?.FullName, parse.GetValue(target)!, parse.GetValue(paths) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            parse.GetValue(force), parse.GetValue(quiet)));
        return command;
    }

    /// <summary>The file <c>ltt-trace ci -o</c> leaves in its output folder: a folder carrying it may be replaced by the next run.</summary>
    public const string Marker = ".ltt-ci-output";

    public static int Run(string tree, string? outputFolder, string? junit, string? templates, string target, IReadOnlyList<string> paths, TextWriter output, TextWriter error,
        bool force = false, bool quiet = false)
    {
        // Everything the user named is checked before the run, which takes seconds to minutes.
        if (!Directory.Exists(tree))
        {
            error.WriteLine($"ltt-trace ci: {tree}: not a folder");
            return (int)ExitCode.BadInput;
        }
        if (junit is not null && AtomicFile.CheckWritable(junit) is { } junitProblem)
        {
            error.WriteLine($"ltt-trace ci: --junit {junitProblem}");
            return (int)ExitCode.BadInput;
        }
        var outputTarget = outputFolder is null ? null : new OutputTarget
        {
            Folder = outputFolder,
            Writer = "ltt-trace ci",
            Marker = Marker,
            Force = force,
            Inputs = [.. new[] { tree, templates, junit }.OfType<string>()],
        };
        // Work in a fresh folder; it becomes the output folder only when the run is over.
        string? refused = null;
        using StagedFolder? staged = outputTarget?.Stage(out refused);
        if (refused is not null)
        {
            error.WriteLine($"ltt-trace ci: {refused}");
            return (int)ExitCode.BadInput;
        }
        string work = staged?.Path ?? Path.Combine(Path.GetTempPath(), $"ltt-ci-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var options = new CiRunOptions(
            new ScanOptions { Tree = tree, Paths = paths },
            new ProbeGeneratorOptions { Target = target, Abi = TargetAbi.X86_64, TemplatesRoot = templates },
            work);
        var display = TerminalProgress.For(error, quiet);
        Action<string> step = display.Draws ? s => display.Report(s) : quiet ? _ => { } : s => error.WriteLine("ltt-trace ci: " + s);
        CiRunResult result = display.Run("ltt-trace ci", () => CiRunner.Run(options, step));
        if (result.BadInput)
        {
            // Nothing was checked: nothing is kept.
            if (staged is null && Directory.Exists(work))
                Directory.Delete(work, recursive: true);
            foreach (string line in result.Failure!.Split('\n'))
                error.WriteLine($"ltt-trace ci: {line}");
            return (int)ExitCode.BadInput;
        }
        if (staged is not null && staged.Commit() is { } commitError)
        {
            error.WriteLine($"ltt-trace ci: {commitError}");
            return (int)ExitCode.BadInput;
        }
        if (staged is null && result.Success)
            Directory.Delete(work, recursive: true);
        Print(result, output);
        if (!result.Success && staged is null && Directory.Exists(work))
            output.WriteLine($"generated files and trace kept in {work}");
        if (junit is not null && (AtomicFile.Write(junit, CiJunit.Render(result)) ?? AtomicFile.Write(HtmlReportPath.Beside(junit), CiRunPage.Render(result))) is { } junitError)
        {
            error.WriteLine($"ltt-trace ci: --junit {junitError}");
            return (int)ExitCode.BadInput;
        }
        return result.Success ? (int)ExitCode.Success : (int)ExitCode.CheckFailed;
    }

    private static void Print(CiRunResult result, TextWriter output)
    {
        if (result.Failure is not null)
        {
            output.WriteLine("FAILED: " + result.Failure);
            return;
        }
        int width = Math.Max(5, result.Events.Select(e => e.Event.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"event".PadRight(width)}  {"id",4}  {"recorded",8}  {"decoded",8}  {"mismatched",10}");
        foreach (var e in result.Events)
            output.WriteLine($"{e.Event.PadRight(width)}  {e.Id,4}  {e.Recorded,8}  {e.Decoded,8}  {e.Mismatched,10}");
        foreach (var m in result.Mismatches)
            output.WriteLine("MISMATCH " + m);
        output.WriteLine($"{result.Events.Count} events, {result.Events.Sum(e => e.Recorded)} payloads, {result.FieldsChecked} field values checked: "
            + (result.Success ? "all agree" : $"{result.Mismatches.Count} mismatch(es)"));
    }
}
