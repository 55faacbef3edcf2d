using System.CommandLine;
using Ltt.Cli;
using Ltt.IO;
using Ltt.Validation.Kernel;
using Ltt.Validation.Reports;

namespace LttTrace.Commands;

/// <summary>
/// <c>ltt-trace kernel-run [--build DIR] [--kernel VMLINUZ] [--modules DIR] [--source DIR] [-o DIR]
/// [--json] [--junit FILE] [--cpus N] [--memory MIB] [--accel auto|kvm|tcg] [--allow-loss]</c>: the generated probes in
/// a booted kernel, checked hit for hit against ftrace. Exit 0 when everything agreed, 1 on a
/// mismatch, a loss or a built module that does not load, 2 when the run cannot start (modules
/// kbuild cannot build are counted and named, not failed).
/// </summary>
public static class KernelRunCommand
{
    public static Command Create()
    {
        var build = new Option<DirectoryInfo?>("--build") { Description = "Kernel headers build folder (default: the newest installed /usr/src/linux-headers-<release>-amd64)." };
        var kernel = new Option<FileInfo?>("--kernel") { Description = "Kernel image to boot (default: boot/vmlinuz-<release> under .cache/linux-image or /)." };
        var modules = new Option<DirectoryInfo?>("--modules") { Description = "The image's lib/modules/<release> folder (default: next to the image)." };
        var source = new Option<DirectoryInfo?>("--source") { Description = "A full source tree of the same kernel, for the private headers some trace headers need." };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Keep everything here (must not exist, or be empty); default: a temporary folder, removed after a clean run." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the run's counters on stdout." };
        var junit = new Option<string?>("--junit") { Description = "Also write the result as JUnit XML to this file, and as an HTML page beside it (the same name ending in .html)." };
        var cpus = new Option<int>("--cpus") { Description = "Guest CPUs.", DefaultValueFactory = _ => 2 };
        var memory = new Option<int>("--memory") { Description = "Guest memory in MiB.", DefaultValueFactory = _ => 1536 };
        var accel = new Option<QemuAccelerator>("--accel") { Description = "How QEMU runs the guest: auto (KVM when it boots the guest, TCG otherwise), kvm or tcg.", DefaultValueFactory = _ => QemuAccelerator.Auto };
        var allowLoss = new Option<bool>("--allow-loss") { Description = "Lost events on either side do not fail the run." };
        // For working on templates and the guest: run again in -o, rebuilding only what changed.
        var reuseBuild = new Option<bool>("--reuse-build") { Hidden = true };
        var functions = new Option<DirectoryInfo?>("--functions") { Description = "The kernel source tree the kprobes' functions are looked up in (default: --source, else an unpacked /usr/src/linux-source-*)." };
        var kprobes = new Option<FileInfo?>("--kprobes") { Description = "A spec whose kprobe statements the run generates and compares (default: templates/guest/kprobes.spec)." };
        // For working on the run: fewer trace headers, fewer modules to build.
        var paths = new Option<string[]>("--paths") { Hidden = true, AllowMultipleArgumentsPerToken = true };
        var quiet = TerminalProgress.QuietOption();
        var command = new Command("kernel-run", "Build the generated tracepoint probes and the recorder for a kernel, boot it in QEMU with a workload, and compare our trace with ftrace's record of the same tracepoints, hit for hit.");
        foreach (var option in new Option[] { build, kernel, modules, source, functions, kprobes, output, json, junit, cpus, memory, accel, allowLoss, reuseBuild, paths, quiet })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            string? outputFolder = parse.GetValue(output)?.FullName;
            var options = new KernelRunOptions
            {
                OutputFolder = outputFolder ?? Path.Combine(Path.GetTempPath(), $"ltt-kernel-run-{Environment.ProcessId}"),
                Build = parse.GetValue(build)?.FullName,
                Kernel = parse.GetValue(kernel)?.FullName,
                Modules = parse.GetValue(modules)?.FullName,
                Source = parse.GetValue(source)?.FullName,
                Cpus = parse.GetValue(cpus),
                MemoryMiB = parse.GetValue(memory),
                Accelerator = parse.GetValue(accel),
                AllowLoss = parse.GetValue(allowLoss),
                ReuseBuild = parse.GetValue(reuseBuild),
                FunctionsTree = parse.GetValue(functions)?.FullName,
                KprobeSpec = parse.GetValue(kprobes)?.FullName,
            };
            if (parse.GetValue(paths) is { Length: > 0 } chosen)
                options = options with { Paths = chosen };
            return Run(options, outputFolder is null, parse.GetValue(json), parse.GetValue(junit),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(quiet));
        });
        return command;
    }

    /// <param name="quiet">No progress display on a terminal and no step lines (elsewhere each step is a line on stderr).</param>
    public static int Run(KernelRunOptions options, bool temporary, bool json, string? junit, TextWriter output, TextWriter error, bool quiet = false)
    {
        if (options.Cpus < 1 || options.MemoryMiB < 256)
        {
            error.WriteLine("ltt-trace kernel-run: --cpus must be at least 1 and --memory at least 256 (MiB)");
            return (int)ExitCode.BadInput;
        }
        var display = TerminalProgress.For(error, quiet);
        Action<string> step = display.Draws ? s => display.Report(s) : quiet ? _ => { } : s => error.WriteLine("ltt-trace kernel-run: " + s);
        var result = display.Run("ltt-trace kernel-run", () => KernelRun.Run(options, step));
        if (result.BadInput)
        {
            error.WriteLine("ltt-trace kernel-run: " + result.Problems[0]);
            return (int)ExitCode.BadInput;
        }
        string page = KernelRunPage.Render(result);
        if (Directory.Exists(options.OutputFolder) && AtomicFile.Write(Path.Combine(options.OutputFolder, "report.html"), page) is { } folderError)
            error.WriteLine("ltt-trace kernel-run: " + folderError);
        if (junit is not null)
        {
            if ((AtomicFile.Write(junit, KernelRunJunit.Render(result)) ?? AtomicFile.Write(HtmlReportPath.Beside(junit), page)) is { } pageError)
            {
                error.WriteLine("ltt-trace kernel-run: " + pageError);
                return (int)ExitCode.BadInput;
            }
        }
        if (json)
            output.WriteLine(KernelRunJson.Write(result.Counters));
        else
            Print(result, output);
        if (temporary && result.Passed)
            Directory.Delete(options.OutputFolder, recursive: true);
        else if (!json)
            output.WriteLine($"everything is kept in {options.OutputFolder}");
        return result.Passed ? (int)ExitCode.Success : (int)ExitCode.CheckFailed;
    }

    private static void Print(KernelRunResult result, TextWriter output)
    {
        var c = result.Counters;
        output.WriteLine($"kernel {c.Kernel}: {c.ModulesBuilt} modules built, {c.ModulesFailed} failed, {c.TracepointsRegistered} tracepoints registered, {c.TracepointsHit} hit");
        output.WriteLine($"{c.HitsCompared} hits and {c.FieldsCompared} fields compared (field coverage {c.FieldCoverage:P1}), {c.Mismatches} mismatches, lost {c.LostOurs} ours / {c.LostFtrace} ftrace's");
        output.WriteLine($"{c.KprobesRegistered} kprobes registered, {c.KprobesHit} hit, {c.KprobeHitsCompared} of their hits compared with ftrace's kprobe events");
        foreach (string note in result.Notes)
            output.WriteLine("note: " + note);
        foreach (string problem in result.Problems)
            output.WriteLine("FAILED: " + problem);
        output.WriteLine($"{(result.Passed ? "passed" : "failed")} in {result.Elapsed.TotalSeconds:F0} s");
    }
}
