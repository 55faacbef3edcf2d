using Ltt.IO;
using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Testing;
using Ltt.Tracepoints;

namespace Ltt.Probes.Tests;

/// <summary>
/// A probe's locals are named after the fields they hold (<c>ltt_&lt;field&gt;</c>) and a
/// sequence's count after the sequence (<c>ltt_&lt;field&gt;_len</c>); real events have fields
/// whose names meet those and the probe body's own names. Found by the whole-tree run: 6.1's
/// cfg80211 rdev_set_pmk has a u8 <c>pmk_r0_name_len</c> beside the sequence <c>pmk_r0_name</c>,
/// tipc's link events a field <c>len</c> (the payload's length local is <c>ltt_len</c>); their
/// modules did not compile. Scanned from the real source, generated, and compiled by kbuild.
/// </summary>
public sealed class LocalNameClashTests
{
    [Fact]
    public void FieldsNamedLikeTheProbesOwnLocalsCompile()
    {
        var kernel = RealKernel.Headers();
        string source = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1-full");
        Assert.True(File.Exists(Path.Combine(source, "Kconfig")), $"{source}: the unpacked 6.1 source is missing; run 'bash .ci/install'");
        var scan = TracepointScanner.Scan(new ScanOptions
        {
            Tree = source,
            BuildDirectory = kernel.Build,
            Paths = ["net/wireless/trace.h", "net/tipc/trace.h"],
        });
        string[] wanted = ["rdev_set_pmk", "tipc_link_retrans", "tipc_link_too_silent"];
        var sites = scan.Sites.Where(s => wanted.Contains(s.Name)).ToList();
        Assert.Equal(wanted.Length, sites.Count);
        var output = ProbeGenerator.Render(scan with { Sites = sites, Diagnostics = [] }, ProbeSpecParser.Parse("", "ltt/probes.spec"),
            EventIdMap.Parse("", "ltt/event-ids"), GenerateFixture.Options with { Target = "tracepoint" });
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics.Concat<object>(output.TemplateErrors)));
        string cfg80211 = output.Files.Single(f => f.Key.EndsWith("/cfg80211-trace.c", StringComparison.Ordinal)).Value;
        Assert.Contains("ltt_pmk_r0_name_len = WLAN_PMK_NAME_LEN;", cfg80211, StringComparison.Ordinal);

        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));
        string probes = Path.Combine(dir.Path, "probes");
        // Compiled, not linked: these tracepoints live in modules, not the exported core.
        var make = ToolRun.Start("make", ["-C", kernel.Build, "M=" + probes, "-j2", "LTT_SOURCE=" + source, "KBUILD_MODPOST_WARN=1", "modules"],
            timeout: TimeSpan.FromMinutes(10));
        Assert.True(File.Exists(Path.Combine(probes, "cfg80211-trace.o")) && File.Exists(Path.Combine(probes, "tipc-trace.o")), make.Output + make.Error);
    }
}
