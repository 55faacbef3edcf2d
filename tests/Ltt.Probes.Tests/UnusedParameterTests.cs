using Ltt.IO;
using Ltt.Validation.Harness;
using System.Text.RegularExpressions;
using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Testing;
using Ltt.Tracepoints;

namespace Ltt.Probes.Tests;

/// <summary>
/// Generated code leaves no parameter unused without saying so. The builds elsewhere pass
/// -Wno-unused-parameter because the kernel does: its W=1 build adds "-Wextra -Wunused
/// -Wno-unused-parameter" (scripts/Makefile.extrawarn, linux 6.1), since the inline stubs of
/// its headers (tracepoint.h's, marker.h's) leave parameters unused, and so do kernel-tree's.
/// Here the warning is on, as a warning: the tree's headers may trip it, generated files may not.
/// </summary>
public sealed partial class UnusedParameterTests
{
    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):(?<column>\d+): (?<kind>warning|error): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();

    [Fact]
    public void LttModulesAndHarnessCompileWithUnusedParameterWarnings()
    {
        var output = ProbeGenerator.Generate(new ScanOptions { Tree = RepoPaths.KernelTree }, GenerateFixture.Options);
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics));
        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));
        var include = HarnessBuilder.GccInclude();
        Assert.True(include.Success, "gcc is needed (bash .ci/install): " + include.Error);

        var defines = File.ReadAllLines(Path.Combine(dir.Path, "harness", "defines")).Where(l => l.Length > 0);
        var flags = HarnessBuilder.KernelFlags(RepoPaths.KernelTree, include.Output.Trim(), defines)
            .Where(f => f != "-Wno-unused-parameter")
            .Concat(["-Wunused-parameter", "-Wno-error=unused-parameter", "-fdiagnostics-plain-output"])
            .ToList();
        var sources = output.Files.Keys.Where(f => f.EndsWith(".c", StringComparison.Ordinal)).ToList();
        Assert.Contains(sources, s => s.StartsWith("harness/", StringComparison.Ordinal));
        int fromTree = 0;
        foreach (string source in sources)
        {
            var run = ToolRun.Start("gcc", [.. flags, "-c", source, "-o", Path.Combine(dir.Path, Path.GetFileName(source) + ".o")], dir.Path);
            var mine = Diagnostic().Matches(run.Error).Where(m => !IsUnder(m.Groups["file"].Value, dir.Path, RepoPaths.KernelTree)).ToList();
            fromTree += Diagnostic().Count(run.Error) - mine.Count;
            Assert.True(run.Success && mine.Count == 0, $"{source}:\n{run.Command}\n{string.Join("\n", mine.Select(m => m.Value))}\n{run.Error}");
        }
        // The check is live: kernel-tree's stubs do trip the warning, the generated files do not.
        Assert.True(fromTree > 0, "no unused-parameter warning from kernel-tree's headers: is -Wunused-parameter on?");
    }

    [Fact]
    public void TracepointModulesBuildWithUnusedParameterWarningsOnLinux61()
    {
        var kernel = RealKernel.Headers();
        string build = kernel.Build, common = kernel.Common;
        var exported = RealKernel.ExportedTracepoints(kernel);
        var scan = TracepointScanner.Scan(new ScanOptions
        {
            Tree = common,
            BuildDirectory = build,
            Paths = ["include/trace/events/sched.h", "include/trace/events/irq.h", "include/trace/events/module.h"],
        });
        var sites = scan.Sites.Where(s => exported.Contains(s.Name)).ToList();
        var output = ProbeGenerator.Render(scan with { Sites = sites, Diagnostics = [] }, ProbeSpecParser.Parse("", "ltt/probes.spec"),
            EventIdMap.Parse("", "ltt/event-ids"), GenerateFixture.Options with { Target = "tracepoint" });
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics.Concat<object>(output.TemplateErrors)));
        Assert.True(sites.Count >= 10, $"only {sites.Count} exported tracepoints");

        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));
        string probes = Path.Combine(dir.Path, "probes");
        var make = ToolRun.Start("make", ["-C", build, "M=" + probes, "-j2", "KCFLAGS=-Wunused-parameter -fdiagnostics-plain-output", "modules"],
            timeout: TimeSpan.FromMinutes(10));

        Assert.True(make.Success, make.Output + make.Error);
        var all = Diagnostic().Matches(make.Output + make.Error).ToList();
        var mine = all.Where(m => !IsUnder(m.Groups["file"].Value, build, build, common)).ToList();
        Assert.True(mine.Count == 0, string.Join("\n", mine.Select(m => m.Value)));
        Assert.Contains(all, m => m.Value.Contains("unused parameter", StringComparison.Ordinal));
    }

    /// <summary>True when <paramref name="file"/> (as gcc names it from <paramref name="cwd"/>) lies in one of <paramref name="roots"/>.</summary>
    private static bool IsUnder(string file, string cwd, params string[] roots)
    {
        string full = Path.GetFullPath(file, cwd);
        return roots.Any(r => full.StartsWith(Path.GetFullPath(r) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
