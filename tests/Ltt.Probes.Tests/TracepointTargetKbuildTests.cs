using Ltt.IO;
using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Tracepoints;
using Xunit.Abstractions;

namespace Ltt.Probes.Tests;

/// <summary>
/// The tracepoint target against a real kernel: tracepoints of Debian's 6.1 headers, scanned by
/// the real scanner, generated, and built by kbuild (make -C &lt;headers&gt; M=&lt;dir&gt; modules).
/// Only tracepoints the kernel exports (Module.symvers) can be used by a module, so those are
/// the sample; a few headers keep the run short.
/// </summary>
public sealed class TracepointTargetKbuildTests(ITestOutputHelper log)
{
    private static readonly string[] Headers =
    [
        "include/trace/events/sched.h", "include/trace/events/block.h", "include/trace/events/kmem.h",
        "include/trace/events/power.h", "include/trace/events/napi.h", "include/trace/events/skb.h",
        "include/trace/events/tcp.h", "include/trace/events/xdp.h", "include/trace/events/module.h",
        "include/trace/events/dma_fence.h", "include/trace/events/rpm.h", "include/trace/events/spi.h",
        "include/trace/events/error_report.h", "include/trace/events/mmap_lock.h", "include/trace/events/neigh.h",
    ];

    [Fact]
    public void ExportedTracepointsOfLinux61BuildAsModules()
    {
        var kernel = RealKernel.Headers();
        string build = kernel.Build, common = kernel.Common;
        var exported = RealKernel.ExportedTracepoints(kernel);

        var scan = TracepointScanner.Scan(new ScanOptions { Tree = common, BuildDirectory = build, Paths = Headers });
        var sites = scan.Sites.Where(s => exported.Contains(s.Name)).ToList();
        var output = ProbeGenerator.Render(
            scan with { Sites = sites, Diagnostics = [] },
            // kmem.h and spi.h rely on their includer for their structs, as in the kernel.
            ProbeSpecParser.Parse("include mm linux/slab.h\ninclude spi linux/spi/spi.h", "ltt/probes.spec"),
            EventIdMap.Parse("", "ltt/event-ids"),
            GenerateFixture.Options with { Target = "tracepoint" });
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics.Concat<object>(output.TemplateErrors)));
        int events = output.Plan!.Events.Count();

        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));
        string probes = Path.Combine(dir.Path, "probes");
        var make = ToolRun.Start("make", ["-C", build, "M=" + probes, "-j2", "modules"], timeout: TimeSpan.FromMinutes(10));
        int modules = Directory.GetFiles(probes, "*.ko").Length;
        log.WriteLine($"{scan.Sites.Count} sites in {Headers.Length} headers, {sites.Count} exported, {events} events generated in {output.Plan.Modules.Count} modules, {modules} .ko built");

        Assert.True(make.Success, make.Output + make.Error);
        Assert.DoesNotContain("warning:", make.Output + make.Error);
        Assert.Equal(output.Plan.Modules.Count + 1, modules);
        Assert.True(events >= 20, $"only {events} events");
    }
}
