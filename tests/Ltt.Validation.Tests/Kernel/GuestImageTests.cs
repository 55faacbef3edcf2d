using Ltt.Probes.Rendering;
using Ltt.Testing;
using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

public sealed class GuestImageTests
{
    private static readonly GuestPlan Plan = new(
        ["kernel/net/9p/9pnet.ko", "kernel/fs/9p/9p.ko"],
        ["kernel/lib/crc7.ko"],
        ["kernel-trace", "block-trace"],
        "subbuf_size=524288 n_subbufs=64 clock=mono",
        32768,
        "mono");

    [Fact]
    public void Init_loads_the_modules_starts_both_tracers_on_one_clock_and_stops_ours_first()
    {
        var errors = new List<TemplateDiagnostic>();

        string? init = GuestImage.RenderInit(RepoPaths.Templates, Plan, errors);

        Assert.True(init is not null, string.Join("\n", errors));
        Assert.StartsWith("#!/bin/busybox sh\n", init);
        Assert.Contains("for m in kernel/net/9p/9pnet.ko kernel/fs/9p/9p.ko; do", init);
        Assert.Contains("insmod /ltt/ltt-recorder.ko subbuf_size=524288 n_subbufs=64 clock=mono", init);
        Assert.Contains("for m in kernel-trace block-trace; do", init);
        Assert.Contains("CYCLE_MODULES=\"/lib/modules/kernel/lib/crc7.ko\"", init);
        Assert.Contains("echo mono > $T/trace_clock", init);
        Assert.Contains("echo 32768 > $T/buffer_size_kb", init);
        // ftrace on before ours starts; ours stopped before ftrace: ftrace's record is the larger at both ends.
        Assert.True(init.IndexOf("echo 1 > $T/tracing_on", StringComparison.Ordinal) < init.IndexOf("echo start > $L/control", StringComparison.Ordinal));
        Assert.True(init.IndexOf("echo stop > $L/control", StringComparison.Ordinal) < init.IndexOf("echo 0 > $T/tracing_on\n\nstep copy", StringComparison.Ordinal));
    }

    [Fact]
    public void The_module_list_names_boot_and_cycle_modules()
    {
        var names = GuestImage.ModuleNames(Path.Combine(RepoPaths.Templates, "guest"), out string? error);

        Assert.Null(error);
        Assert.Contains("9p", names!.Value.Boot);
        Assert.Contains("ext4", names.Value.Boot);
        Assert.NotEmpty(names.Value.Cycle);
    }

    [Fact]
    public void A_bad_module_list_line_is_named()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "modules"), "# comment\nboot 9p\nload ext4\n");

        Assert.Null(GuestImage.ModuleNames(dir.Path, out string? error));
        Assert.EndsWith("modules:3: expected 'boot NAME...' or 'cycle NAME...'", error);
    }
}
