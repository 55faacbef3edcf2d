using System.CommandLine;
using Ltt.Cli;
using Ltt.Probes.CiRun;
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
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Keep the generated probes, harness build, trace and report here (must not exist, or be empty); default: a temporary folder, removed after a clean run." };
        var junit = new Option<string?>("--junit") { Description = "Also write the result as JUnit XML to this file." };
        var templates = new Option<DirectoryInfo?>("--templates") { Description = "Templates root to generate with (holding probes/<target>/ and metadata/) instead of the shipped ones." };
        var target = new Option<string>("--target") { Description = "Probe target (a folder of templates/probes/).", DefaultValueFactory = _ => "ltt-0.105" };
        var paths = new Option<string[]>("--path", "-p") { Description = "Scan only this folder or file of the tree (repeatable)." };
        var command = new Command("ci", "The CI validation run: generate probes, build and run them with gcc, replay their payloads through the runtime, and check every value with ltt-trace's reader and babeltrace2.");
        command.Arguments.Add(tree);
        command.Options.Add(output);
        command.Options.Add(junit);
        command.Options.Add(templates);
        command.Options.Add(target);
        command.Options.Add(paths);
        command.SetAction(parse => Run(parse.GetValue(tree)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(junit),
            parse.GetValue(templates)?.FullName, parse.GetValue(target)!, parse.GetValue(paths) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string tree, string? outputFolder, string? junit, string? templates, string target, IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(tree))
        {
            error.WriteLine($"ltt-trace ci: {tree}: not a folder");
            return (int)ExitCode.BadInput;
        }
        if (outputFolder is not null && Directory.Exists(outputFolder) && Directory.EnumerateFileSystemEntries(outputFolder).Any())
        {
            error.WriteLine($"ltt-trace ci: {outputFolder}: exists and is not empty");
            return (int)ExitCode.BadInput;
        }
        // Work in a fresh folder; it becomes the output folder only when the run is over.
        string work = outputFolder is null
            ? Path.Combine(Path.GetTempPath(), $"ltt-ci-{Environment.ProcessId}-{Guid.NewGuid():N}")
            : outputFolder.TrimEnd('/') + $".partial-{Environment.ProcessId}";
        var options = new CiRunOptions(
            new ScanOptions { Tree = tree, Paths = paths },
            new ProbeGeneratorOptions { Target = target, Abi = TargetAbi.X86_64, TemplatesRoot = templates },
            work);
        CiRunResult result;
        try
        {
            result = CiRunner.Run(options, step => error.WriteLine("ltt-trace ci: " + step));
            if (outputFolder is not null)
            {
                if (Directory.Exists(outputFolder))
                    Directory.Delete(outputFolder);
                Directory.Move(work, outputFolder);
            }
            else if (result.Success)
            {
                Directory.Delete(work, recursive: true);
            }
        }
        catch (IOException ex)
        {
            error.WriteLine($"ltt-trace ci: {ex.Message}");
            return (int)ExitCode.BadInput;
        }
        Print(result, output);
        if (!result.Success && outputFolder is null && Directory.Exists(work))
            output.WriteLine($"generated files and trace kept in {work}");
        if (junit is not null)
            CiJunit.Write(result, junit);
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
