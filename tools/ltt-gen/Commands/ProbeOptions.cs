using Ltt.Cli;
using System.CommandLine;
using Ltt.Probes.Generation;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Markers;

namespace LttGen.Commands;

/// <summary>The arguments and options <c>probes</c>, <c>check</c> and <c>markers</c> share, and how they become library options.</summary>
internal sealed class ProbeOptions
{
    public Argument<DirectoryInfo> Tree { get; } = new("tree") { Description = "The kernel source tree (with ltt/probes.spec and ltt/event-ids when it has them)." };

    public Option<string> Target { get; } = new("--target", "-t")
    {
        Description = "What to generate: ltt-0.105 (probe modules for the LTTng patchset) or tracepoint (modules for current kernels).",
        DefaultValueFactory = _ => "ltt-0.105",
    };

    public Option<string> Arch { get; } = new("--arch", "-a") { Description = $"Target architecture: {Architecture.Names}", DefaultValueFactory = _ => "x86_64" };

    public Option<bool> Packed { get; } = new("--packed") { Description = "A packed channel: fields are not aligned." };

    public Option<DirectoryInfo?> Templates { get; } = new("--templates") { Description = "A templates folder to use instead of the shipped one (holding probes/<target>/ and metadata/)." };

    public Option<DirectoryInfo?> Build { get; } = new("--build", "-b") { Description = "A configured build directory for .config and generated headers." };

    public Option<string[]> Paths { get; } = new("--path", "-p") { Description = "Scan only this folder or file of the tree (repeatable)." };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "All or nothing: when a site of the build does not resolve, write nothing and exit 1 (by default the rest is generated, exit 1).",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print every warning and error on stderr, not only the summary (report.txt in the output has them all).",
    };

    /// <summary><c>--quiet</c>: no progress display while the tree is scanned.</summary>
    public Option<bool> Quiet { get; } = TerminalProgress.QuietOption();

    public void AddTo(Command command, bool withTarget = true)
    {
        command.Arguments.Add(Tree);
        if (withTarget)
        {
            command.Options.Add(Target);
            command.Options.Add(Packed);
            command.Options.Add(Templates);
        }
        command.Options.Add(Arch);
        command.Options.Add(Build);
        command.Options.Add(Paths);
    }

    /// <summary>Adds <c>--strict</c> and <c>-v</c>, for the commands that generate.</summary>
    public void AddGenerationOptions(Command command)
    {
        command.Options.Add(Strict);
        command.Options.Add(Verbose);
        command.Options.Add(Quiet);
    }

    /// <summary>Reads the parsed values; null with a message on a bad value. The scan reports its headers to <paramref name="display"/>.</summary>
    public (ScanOptions Scan, ProbeGeneratorOptions Generate)? Read(ParseResult parse, TextWriter error, string commandName, TerminalProgress? display = null)
    {
        string tree = parse.GetValue(Tree)!.FullName;
        if (!Directory.Exists(tree))
        {
            error.WriteLine($"ltt-gen {commandName}: {tree}: not a folder");
            return null;
        }
        string arch = parse.GetValue(Arch)!;
        var abi = TargetAbi.FromArch(arch);
        if (abi is null)
        {
            error.WriteLine($"ltt-gen {commandName}: {Architecture.Unknown(arch)}");
            return null;
        }
        string target = parse.GetValue(Target) ?? "ltt-0.105";
        if (!ProbeGeneratorOptions.Targets.Contains(target) && parse.GetValue(Templates) is null)
        {
            error.WriteLine($"ltt-gen {commandName}: unknown target '{target}' (known: {string.Join(", ", ProbeGeneratorOptions.Targets)})");
            return null;
        }
        var scan = new ScanOptions
        {
            Tree = tree,
            BuildDirectory = parse.GetValue(Build)?.FullName,
            Arch = arch,
            Paths = parse.GetValue(Paths) ?? [],
            Progress = display is { Draws: true } ? p => display.Report($"scanning {p.File} ({p.SitesSoFar:N0} sites)", p.Done, p.Total) : null,
        };
        var generate = new ProbeGeneratorOptions
        {
            Target = target,
            Abi = abi,
            Packed = parse.GetValue(Packed),
            TemplatesRoot = parse.GetValue(Templates)?.FullName,
        };
        return (scan, generate);
    }

    /// <summary>
    /// Prints what a generation has to say: every diagnostic when it failed or with
    /// <paramref name="verbose"/>, else the errors that stop it and the summary of what was
    /// left out. True when it has errors (nothing can be written).
    /// </summary>
    public static bool Report(GeneratedOutput output, TextWriter error, bool verbose = true)
    {
        bool all = verbose || output.HasErrors || output.Report is null;
        foreach (var d in output.Diagnostics)
        {
            if (all || d.Severity == Ltt.Tracepoints.Model.DiagnosticSeverity.Error && !output.Report!.TreeErrors.Contains(d))
                error.WriteLine(d);
        }
        foreach (var t in output.TemplateErrors)
            error.WriteLine($"{t}: error");
        if (output.Report is not null && !output.HasErrors)
        {
            foreach (string line in output.Report.Summary())
                error.WriteLine(line);
        }
        return output.HasErrors;
    }
}
