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
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "The folder to write (replaced as a whole).", Required = true };
        var updateIds = new Option<bool>("--update-ids")
        {
            Description = "Append the ids of new events to the tree's ltt/event-ids (never renumbering an event). Without it the tree is never written.",
        };
        var command = new Command("probes", "Generate a probe module per channel, the marker table, CTF metadata, events.json and a userspace harness.");
        shared.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(updateIds);
        command.SetAction(parse =>
        {
            var options = shared.Read(parse, parse.InvocationConfiguration.Error, "probes");
            if (options is null)
                return (int)ExitCode.BadInput;
            return Run(options.Value.Scan, options.Value.Generate with { UpdateIds = parse.GetValue(updateIds) }, parse.GetValue(output)!.FullName,
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    public static int Run(Ltt.Tracepoints.ScanOptions scan, ProbeGeneratorOptions options, string outputFolder, TextWriter output, TextWriter error)
    {
        var generated = ProbeGenerator.Generate(scan, options);
        if (ProbeOptions.Report(generated, error))
        {
            error.WriteLine("ltt-gen probes: nothing written");
            return (int)ExitCode.BadInput;
        }
        var plan = generated.Plan!;
        // The tree's id map first: an output written with ids the tree does not hold would drift from it.
        if (options.UpdateIds && EventIdFile.Append(scan.Tree, options.IdsPath, plan.Ids, plan.NewIds) is { } idFailure)
        {
            error.WriteLine($"ltt-gen probes: {idFailure}");
            error.WriteLine("ltt-gen probes: nothing written");
            return (int)ExitCode.BadInput;
        }
        string? failure = OutputFolder.Write(outputFolder, generated.Files);
        if (failure is not null)
        {
            error.WriteLine($"ltt-gen probes: {outputFolder}: {failure}");
            return (int)ExitCode.BadInput;
        }
        int events = plan.Events.Count();
        output.WriteLine($"{events} events in {plan.Modules.Count} modules ({options.Target}), {generated.Files.Count} files: {outputFolder}");
        foreach (var module in plan.Modules)
            output.WriteLine($"  probes/{module.Name}.c  {module.Events.Count} events");
        if (options.UpdateIds && plan.NewIds.Count > 0)
            output.WriteLine($"{options.IdsPath}: appended {string.Join(", ", plan.NewIds.Select(n => $"{plan.Ids[n]} {n}"))}");
        return (int)ExitCode.Success;
    }
}
