using System.CommandLine;
using Ltt.Cli;
using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Tracepoints.Model;

namespace LttGen.Commands;

/// <summary>
/// <c>ltt-gen kprobes &lt;tree&gt; FUNCTION[:VALUES]... -o &lt;dir&gt;</c>: typed dynamic probes for a quick
/// look, without editing ltt/probes.spec. Each argument is one statement of the spec's kprobe
/// syntax: <c>do_sys_openat2:dfd,filename as string,how-&gt;flags</c> puts a kprobe on the function;
/// <c>vfs_read:$retval</c> a kretprobe. The output holds the kprobe module, the recorder, the
/// metadata and <c>metadata/kprobe_events</c>, the same probes for ftrace.
/// </summary>
public static class KprobesCommand
{
    /// <summary>The name diagnostics give the statements built from the command line.</summary>
    public const string CommandLineSpec = "<command line>";

    public static Command Create()
    {
        var shared = new ProbeOptions();
        var functions = new Argument<string[]>("function")
        {
            Description = "FUNCTION[:VALUES]: a kprobe on FUNCTION recording VALUES (comma-separated parameters, ->member steps, 'as string'); FUNCTION:$retval for a kretprobe. Without VALUES, every scalar parameter.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "The folder to write (as for ltt-gen probes: absent, empty, or written by ltt-gen before).",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace the output folder even if ltt-gen did not write it (never the tree)." };
        var command = new Command("kprobes", "Generate typed kprobe modules for kernel functions: the prototypes and struct layouts from the tree, with libclang.");
        command.Arguments.Add(shared.Tree);
        command.Arguments.Add(functions);
        command.Options.Add(shared.Arch);
        command.Options.Add(shared.Build);
        command.Options.Add(shared.Templates);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var options = shared.Read(parse, parse.InvocationConfiguration.Error, "kprobes");
            if (options is null)
                return (int)ExitCode.BadInput;
            return Run(options.Value.Scan, options.Value.Generate with { Target = "tracepoint", UpdateIds = true, Generator = "ltt-gen kprobes" },
                parse.GetValue(functions)!, parse.GetValue(output)!.FullName, parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error, parse.GetValue(force));
        });
        return command;
    }

    /// <summary>Generates and writes; exit 0, or 2 with every reason on stderr and nothing written.</summary>
    public static int Run(Ltt.Tracepoints.ScanOptions scan, ProbeGeneratorOptions options, IReadOnlyList<string> functions, string outputFolder,
        TextWriter output, TextWriter error, bool force = false)
    {
        var target = OutputFolder.Target(outputFolder, force, scan.Tree, scan.BuildDirectory, options.TemplatesRoot);
        if (target.Check() is { } refused)
        {
            error.WriteLine($"ltt-gen kprobes: {refused}");
            return (int)ExitCode.BadInput;
        }
        var spec = ProbeSpecParser.Parse(string.Concat(functions.Select(Statement)), CommandLineSpec);
        var generated = spec.HasErrors
            ? null
            : ProbeGenerator.Render(new ScanResult([], [], []), spec, EventIdMap.Parse("", options.IdsPath), options, ProbeGenerator.Functions(scan, spec.Spec));
        if (generated is null || ProbeOptions.Report(generated, error, verbose: false) || generated.Plan is not { } plan)
        {
            foreach (var d in spec.Diagnostics)
                error.WriteLine(d);
            error.WriteLine("ltt-gen kprobes: nothing written");
            return (int)ExitCode.BadInput;
        }
        if (OutputFolder.Write(target, generated.Files) is { } failure)
        {
            error.WriteLine($"ltt-gen kprobes: {failure}");
            return (int)ExitCode.BadInput;
        }
        output.WriteLine($"{plan.Events.Count()} kprobes in {plan.Modules.Count} modules, {generated.Files.Count} files: {outputFolder}");
        foreach (var module in plan.Modules)
            output.WriteLine($"  probes/{module.Name}.c  {string.Join(", ", module.Events.Select(e => e.Name))}");
        output.WriteLine($"  metadata/{KprobeEvents.FileName}  the same probes as ftrace kprobe events");
        return (int)ExitCode.Success;
    }

    /// <summary>One argument as a spec statement: <c>f:a,b</c> as <c>kprobe f: a, b</c>, <c>f:$retval</c> as a kretprobe.</summary>
    private static string Statement(string argument)
    {
        int colon = argument.IndexOf(':');
        string function = colon < 0 ? argument : argument[..colon];
        string values = colon < 0 ? "" : argument[(colon + 1)..];
        string keyword = values.Contains("$retval", StringComparison.Ordinal) ? "kretprobe" : "kprobe";
        return $"{keyword} {function.Trim()}: {values.Trim()}\n";
    }
}
