using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// ltt-gen probes and check on a tree where not everything resolves: a copy of kernel-tree/
/// with a subsystem whose trace header has one event that resolves and one that does not,
/// and a header of another architecture's build. The rest is generated, the skipped site is
/// named with its reason, and the exit code says something was skipped.
/// </summary>
public sealed class GenSkippedSitesTests : IDisposable
{
    private const string Header = "fs/skipdemo/skipdemo_trace.h";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ltt-gen-skip-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void WhatResolvesIsWrittenTheRestIsSkippedWithItsReasonAndExitIsOne()
    {
        string tree = TreeWithASkippedSite();
        string output = Path.Combine(_dir, "out");

        var (code, stdout, stderr) = GenCli.Run("probes", tree, "-o", output);

        Assert.True(code == 1, stderr);
        Assert.Contains("skipped: 1 sites do not resolve, in 1 fs/skipdemo/", stderr);
        Assert.Contains("left out: 1 headers (1 sites) that this architecture's build never compiles: arch/powerpc/ 1", stderr);
        Assert.Contains("1 sites skipped, the rest written", stderr);
        Assert.Contains("events in", stdout);

        string report = File.ReadAllText(Path.Combine(output, "report.txt"));
        Assert.Contains($"{Header}:16:1: TRACE_EVENT(skipdemo_broken): argument 'w' has incomplete type 'struct nowhere'", report);
        Assert.Contains("arch/powerpc/kernel/ppc_trace.h: 1 sites: arch/powerpc/ another architecture's build", report);
        string events = File.ReadAllText(Path.Combine(output, "metadata", "events.json"));
        Assert.Contains("\"skipdemo_fine\"", events);
        Assert.DoesNotContain("skipdemo_broken", events);
        Assert.DoesNotContain("ppc_only", events);
        Assert.DoesNotContain("skipdemo_broken", File.ReadAllText(Path.Combine(output, "metadata", "markers")));
        Assert.Contains("skipdemo-trace.o", File.ReadAllText(Path.Combine(output, "probes", "Kbuild")));
        Assert.DoesNotContain("probe_skipdemo_broken", File.ReadAllText(Path.Combine(output, "probes", "skipdemo-trace.c")));

        var check = GenCli.Run("check", tree, "-o", output);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        Assert.Contains("(1 sites skipped, as report.txt records)", check.Output);

        var strictCheck = GenCli.Run("check", tree, "-o", output, "--strict");
        Assert.Equal(1, strictCheck.ExitCode);
        Assert.Contains("--strict: 1 sites do not resolve", strictCheck.Error);
    }

    [Fact]
    public void StrictWritesNothingWhenASiteIsSkipped()
    {
        string tree = TreeWithASkippedSite();
        string output = Path.Combine(_dir, "out");

        var (code, _, stderr) = GenCli.Run("probes", tree, "-o", output, "--strict");

        Assert.Equal(1, code);
        Assert.Contains("nothing written (--strict: 1 sites do not resolve)", stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void WarningsAreASummaryAndAllOfThemWithVerboseAndInTheReport()
    {
        string output = Path.Combine(_dir, "out");

        var quiet = GenCli.Run("probes", RepoPaths.KernelTree, "-o", output);
        var verbose = GenCli.Run("probes", RepoPaths.KernelTree, "-o", output, "-v");

        Assert.True(quiet.ExitCode == 0, quiet.Error);
        Assert.Equal(0, verbose.ExitCode);
        var warnings = verbose.Error.Split('\n').Where(l => l.Contains(" not recorded: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(warnings);
        Assert.DoesNotContain(" not recorded: ", quiet.Error);
        Assert.Contains($"not recorded: {warnings.Count} fields, by cause:", quiet.Error);
        string report = File.ReadAllText(Path.Combine(output, "report.txt"));
        Assert.All(warnings, w => Assert.Contains(w.Split(" not recorded: ")[1], report));
    }

    /// <summary>kernel-tree/ plus fs/skipdemo (one event that resolves, one that takes an undefined struct by value) and a powerpc trace header.</summary>
    private string TreeWithASkippedSite()
    {
        string tree = Path.Combine(_dir, "tree");
        foreach (string file in Directory.GetFiles(RepoPaths.KernelTree, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(tree, Path.GetRelativePath(RepoPaths.KernelTree, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Write(tree, Header, """
            /* SPDX-License-Identifier: GPL-2.0 */
            #undef TRACE_SYSTEM
            #define TRACE_SYSTEM skipdemo

            #include <linux/tracepoint.h>

            TRACE_EVENT(skipdemo_fine,
            	TP_PROTO(long v),
            	TP_ARGS(v),
            	TP_STRUCT__entry(__field(long, v)),
            	TP_fast_assign(__entry->v = v;),
            	TP_printk("v=%ld", __entry->v));

            struct nowhere;

            TRACE_EVENT(skipdemo_broken,
            	TP_PROTO(struct nowhere w),
            	TP_ARGS(w),
            	TP_STRUCT__entry(__field(long, v)),
            	TP_fast_assign(__entry->v = 0;),
            	TP_printk("v=%ld", __entry->v));

            """);
        Write(tree, "arch/powerpc/kernel/ppc_trace.h", """
            /* SPDX-License-Identifier: GPL-2.0 */
            #undef TRACE_SYSTEM
            #define TRACE_SYSTEM ppc

            TRACE_EVENT(ppc_only,
            	TP_PROTO(long v),
            	TP_ARGS(v),
            	TP_STRUCT__entry(__field(long, v)),
            	TP_fast_assign(__entry->v = v;),
            	TP_printk("v=%ld", __entry->v));

            """);
        return tree;
    }

    private static void Write(string tree, string relative, string text)
    {
        string path = Path.Combine(tree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
