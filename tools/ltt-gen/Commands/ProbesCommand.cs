using System.CommandLine;
using Ltt.Cli;
using Ltt.Probes.Generation;

namespace LttGen.Commands;

/// <summary><c>ltt-gen probes &lt;tree&gt; -o &lt;dir&gt;</c>: generate probe modules, metadata and the harness.</summary>
public static class ProbesCommand
{
    public static Command Create()
    {
        var shared = new ProbeOptions();
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "The folder to write (replaced as a whole).", Required = true };
        var command = new Command("probes", "Generate a probe module per channel, the marker table, CTF metadata, events.json and a userspace harness.");
        shared.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var options = shared.Read(parse, parse.InvocationConfiguration.Error, "probes");
            if (options is null)
                return (int)ExitCode.BadInput;
            return Run(options.Value.Scan, options.Value.Generate, parse.GetValue(output)!.FullName,
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
        string? failure = OutputFolder.Write(outputFolder, generated.Files);
        if (failure is not null)
        {
            error.WriteLine($"ltt-gen probes: {outputFolder}: {failure}");
            return (int)ExitCode.BadInput;
        }
        var plan = generated.Plan!;
        int events = plan.Events.Count();
        output.WriteLine($"{events} events in {plan.Modules.Count} modules ({options.Target}), {generated.Files.Count} files: {outputFolder}");
        foreach (var module in plan.Modules)
            output.WriteLine($"  probes/{module.Name}.c  {module.Events.Count} events");
        return (int)ExitCode.Success;
    }
}
