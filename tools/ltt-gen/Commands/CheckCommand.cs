using System.CommandLine;
using Ltt.Cli;
using Ltt.Probes.Generation;

namespace LttGen.Commands;

/// <summary><c>ltt-gen check &lt;tree&gt; -o &lt;dir&gt;</c>: fail when generated files no longer match the tree.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var shared = new ProbeOptions();
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "The folder ltt-gen probes wrote.", Required = true };
        var command = new Command("check", "Exit 1 and name the files of a generated folder that drifted from what the tree generates now.");
        shared.AddTo(command);
        shared.AddGenerationOptions(command);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var display = TerminalProgress.For(parse.InvocationConfiguration.Error, parse.GetValue(shared.Quiet));
            var options = shared.Read(parse, parse.InvocationConfiguration.Error, "check", display);
            if (options is null)
                return (int)ExitCode.BadInput;
            return Run(options.Value.Scan, options.Value.Generate, parse.GetValue(output)!.FullName,
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(shared.Strict), parse.GetValue(shared.Verbose), display);
        });
        return command;
    }

    /// <summary>
    /// Generates as <c>probes</c> does (the same sites skipped, the same report.txt) and compares:
    /// exit 1 when a file drifted, or with <paramref name="strict"/> when a site is skipped;
    /// skipped sites alone are no drift (report.txt records them, so a change in them is).
    /// </summary>
    public static int Run(Ltt.Tracepoints.ScanOptions scan, ProbeGeneratorOptions options, string folder, TextWriter output, TextWriter error,
        bool strict = false, bool verbose = false, TerminalProgress? display = null)
    {
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"ltt-gen check: {folder}: not a folder (run ltt-gen probes first)");
            return (int)ExitCode.BadInput;
        }
        var generated = (display ?? TerminalProgress.None).Run($"ltt-gen check {scan.Tree}", () => ProbeGenerator.Generate(scan, options));
        if (ProbeOptions.Report(generated, error, verbose))
            return (int)ExitCode.BadInput;
        if (strict && generated.HasSkipped)
        {
            error.WriteLine($"ltt-gen check: --strict: {generated.Report!.Skipped.Count} sites do not resolve");
            return (int)ExitCode.CheckFailed;
        }
        var drifted = OutputFolder.Drift(folder, generated.Files);
        foreach (var file in drifted)
            output.WriteLine(file);
        if (drifted.Count > 0)
        {
            error.WriteLine($"ltt-gen check: {drifted.Count} generated file(s) drifted from {scan.Tree}; run ltt-gen probes again");
            return (int)ExitCode.CheckFailed;
        }
        string skipped = generated.HasSkipped ? $" ({generated.Report!.Skipped.Count} sites skipped, as {Ltt.Probes.Generation.GenerationReport.FileName} records)" : "";
        output.WriteLine($"{generated.Files.Count} generated files match {scan.Tree}{skipped}");
        return (int)ExitCode.Success;
    }
}
