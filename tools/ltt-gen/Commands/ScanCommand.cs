using System.CommandLine;
using Ltt.Cli;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Json;
using Ltt.Tracepoints.Model;

namespace LttGen.Commands;

/// <summary><c>ltt-gen scan</c>: list every tracepoint and marker site of a tree with its types and layout.</summary>
public static class ScanCommand
{
    public static Command Create()
    {
        var tree = new Argument<DirectoryInfo>("tree") { Description = "The kernel source tree to scan." };
        var build = new Option<DirectoryInfo?>("--build", "-b")
        {
            Description = "A configured build directory (O= folder or linux-headers-*-<flavour>) for .config and generated headers.",
        };
        var arch = new Option<string>("--arch", "-a") { Description = $"Target architecture: {Architecture.Names}", DefaultValueFactory = _ => "x86_64" };
        var json = new Option<bool>("--json") { Description = "Print the machine-readable model instead of a table." };
        var paths = new Option<string[]>("--path", "-p")
        {
            Description = "Scan only this folder or file of the tree (repeatable); the whole tree by default.",
            AllowMultipleArgumentsPerToken = false,
        };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Headers parsed at once (default: one per processor)." };
        var command = new Command("scan", "Find every tracepoint and marker site of a kernel tree, with exact types and event layouts.");
        command.Arguments.Add(tree);
        command.Options.Add(build);
        command.Options.Add(arch);
        command.Options.Add(json);
        command.Options.Add(paths);
        command.Options.Add(jobs);
        var quiet = TerminalProgress.QuietOption();
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            return Run(parse.GetValue(tree)!.FullName, parse.GetValue(build)?.FullName, parse.GetValue(arch)!,
                parse.GetValue(json), parse.GetValue(paths) ?? [], parse.GetValue(jobs), output, error, TerminalProgress.For(error, parse.GetValue(quiet)));
        });
        return command;
    }

    public static int Run(string tree, string? build, string arch, bool json, IReadOnlyList<string> paths, int jobs,
        TextWriter output, TextWriter error, TerminalProgress? display = null)
    {
        display ??= TerminalProgress.None;
        if (!Directory.Exists(tree))
        {
            error.WriteLine($"ltt-gen scan: {tree}: not a folder");
            return (int)ExitCode.BadInput;
        }
        if (build is not null && !Directory.Exists(build))
        {
            error.WriteLine($"ltt-gen scan: {build}: not a folder");
            return (int)ExitCode.BadInput;
        }
        if (!ScanOptions.IsSupportedArch(arch))
        {
            error.WriteLine($"ltt-gen scan: {Architecture.Unknown(arch)}");
            return (int)ExitCode.BadInput;
        }
        var options = new ScanOptions
        {
            Tree = tree,
            BuildDirectory = build,
            Arch = arch,
            Paths = paths,
            Parallelism = jobs,
            Progress = display.Draws ? p => display.Report($"scanning {p.File} ({p.SitesSoFar:N0} sites)", p.Done, p.Total) : null,
        };
        ScanResult result = display.Run($"ltt-gen scan {tree}", () => TracepointScanner.Scan(options));

        if (json)
        {
            output.Write(ScanJsonWriter.ToJson(result));
            output.WriteLine();
        }
        else
        {
            ScanTable.Write(result, output);
        }
        foreach (ScanDiagnostic d in result.Diagnostics)
            error.WriteLine(d);

        bool nothing = result.Sites.Count == 0 && result.Markers.Count == 0 && result.Unresolved.Count == 0;
        if (nothing)
        {
            error.WriteLine($"ltt-gen scan: no tracepoint or marker site found in {tree}");
            return (int)ExitCode.BadInput;
        }
        return result.Unresolved.Count > 0 || result.HasErrors ? (int)ExitCode.CheckFailed : (int)ExitCode.Success;
    }
}
