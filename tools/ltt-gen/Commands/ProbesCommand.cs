using System.CommandLine;
using Ltt.Cli;
using Ltt.Probes.Generation;
using Ltt.Probes.Ids;

namespace LttGen.Commands;

/// <summary>
/// <c>ltt-gen probes &lt;tree&gt; -o &lt;dir&gt; [--update-ids]</c>: generate probe modules, metadata and
/// the harness; with <c>--update-ids</c>, also append new events to the tree's id map.
/// </summary>
public static class ProbesCommand
{
    public static Command Create()
    {
        var shared = new ProbeOptions();
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "The folder to write. It must not exist, be empty, or be one ltt-gen probes wrote before (it holds "
                + OutputFolder.Marker + "): that one is replaced as a whole. Never the tree or a folder holding it.",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace the output folder even if ltt-gen did not write it (never the tree)." };
        var updateIds = new Option<bool>("--update-ids")
        {
            Description = "Append the ids of new events to the tree's ltt/event-ids (never renumbering an event). Without it the tree is never written.",
        };
        var command = new Command("probes", "Generate a probe module per channel, the marker table, CTF metadata, events.json and a userspace harness.");
        shared.AddTo(command);
        shared.AddGenerationOptions(command);
        command.Options.Add(output);
        command.Options.Add(updateIds);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var display = TerminalProgress.For(parse.InvocationConfiguration.Error, parse.GetValue(shared.Quiet));
            var options = shared.Read(parse, parse.InvocationConfiguration.Error, "probes", display);
            if (options is null)
                return (int)ExitCode.BadInput;
            return Run(options.Value.Scan, options.Value.Generate with { UpdateIds = parse.GetValue(updateIds) }, parse.GetValue(output)!.FullName,
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(force), parse.GetValue(shared.Strict),
                parse.GetValue(shared.Verbose), display);
        });
        return command;
    }

    /// <summary>
    /// Generates and writes. Exit 0 when every site of the build was generated, 1 when some
    /// were skipped (the rest is written, the summary and report.txt say which and why), 2 on
    /// bad input; with <paramref name="strict"/>, a skipped site writes nothing (exit 1).
    /// </summary>
    public static int Run(Ltt.Tracepoints.ScanOptions scan, ProbeGeneratorOptions options, string outputFolder, TextWriter output, TextWriter error,
        bool force = false, bool strict = false, bool verbose = false, TerminalProgress? display = null)
    {
        // The output folder is checked before any work: a wrong -o costs nothing and loses nothing.
        var target = OutputFolder.Target(outputFolder, force, scan.Tree, scan.BuildDirectory, options.TemplatesRoot);
        if (target.Check() is { } refused)
        {
            error.WriteLine($"ltt-gen probes: {refused}");
            return (int)ExitCode.BadInput;
        }
        var generated = (display ?? TerminalProgress.None).Run($"ltt-gen probes {scan.Tree}", () => ProbeGenerator.Generate(scan, options));
        if (ProbeOptions.Report(generated, error, verbose))
        {
            error.WriteLine("ltt-gen probes: nothing written");
            return (int)ExitCode.BadInput;
        }
        if (strict && generated.HasSkipped)
        {
            error.WriteLine($"ltt-gen probes: nothing written (--strict: {generated.Report!.Skipped.Count} sites do not resolve)");
            return (int)ExitCode.CheckFailed;
        }
        var plan = generated.Plan!;
        if (!plan.Events.Any())
        {
            error.WriteLine($"ltt-gen probes: no tracepoint found in {scan.Tree}: no probe to generate, nothing written");
            return (int)ExitCode.BadInput;
        }
        // The tree's id map first: an output written with ids the tree does not hold would drift from it.
        if (options.UpdateIds && EventIdFile.Append(scan.Tree, options.IdsPath, plan.Ids, plan.NewIds) is { } idFailure)
        {
            error.WriteLine($"ltt-gen probes: {idFailure}");
            error.WriteLine("ltt-gen probes: nothing written");
            return (int)ExitCode.BadInput;
        }
        string? failure = OutputFolder.Write(target, generated.Files);
        if (failure is not null)
        {
            error.WriteLine($"ltt-gen probes: {failure}");
            return (int)ExitCode.BadInput;
        }
        int events = plan.Events.Count();
        output.WriteLine($"{events} events in {plan.Modules.Count} modules ({options.Target}), {generated.Files.Count} files: {outputFolder}");
        foreach (var module in plan.Modules)
            output.WriteLine($"  probes/{module.Name}.c  {module.Events.Count} events");
        if (options.UpdateIds && plan.NewIds.Count > 0)
            output.WriteLine($"{options.IdsPath}: appended {string.Join(", ", plan.NewIds.Select(n => $"{plan.Ids[n]} {n}"))}");
        if (generated.HasSkipped)
        {
            var report = generated.Report!;
            string what = report.Skipped.Count > 0
                ? $"{report.Skipped.Count} sites skipped, the rest written; every one with its reason in "
                : $"every site written, but the tree's headers have {report.TreeErrors.Count} compiler errors; they are in ";
            error.WriteLine("ltt-gen probes: " + what + Path.Combine(outputFolder, Ltt.Probes.Generation.GenerationReport.FileName));
            return (int)ExitCode.CheckFailed;
        }
        return (int)ExitCode.Success;
    }
}
