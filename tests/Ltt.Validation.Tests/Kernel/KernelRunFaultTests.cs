using Ltt.Testing;
using Ltt.Validation.Kernel;
using Xunit.Abstractions;

namespace Ltt.Validation.Tests.Kernel;

/// <summary>
/// The real-kernel run catches a fault put in on purpose: each test copies the shipped templates,
/// breaks one thing, and runs the kernel run on the scheduler's tracepoints with a short
/// workload (the full run of .ci/run is the clean case). Each boots Debian's kernel under QEMU.
/// </summary>
[Trait("Category", "Slow")]
public sealed class KernelRunFaultTests(ITestOutputHelper log)
{
    [Fact]
    public void A_probe_that_records_a_field_from_the_wrong_member_fails_the_run_naming_the_field()
    {
        using var dir = new TempDir();
        string templates = CopyTemplates(dir.Path);
        // sched_switch's next_pid taken from prev: the serializer call of that one value changes.
        Replace(Path.Combine(templates, "probes", "_shared", "probe-body.sbn"),
            """{{ wrap_call ("\tltt_serialize_" + v.helper + "(") [payload, "&" + payload_len, v.expr, v.align] ");" }}""",
            """
            {{~ value = v.expr; if e.name == "sched_switch" && v.name == "next_pid"; value = "prev->pid"; end ~}}
            {{ wrap_call ("\tltt_serialize_" + v.helper + "(") [payload, "&" + payload_len, value, v.align] ");" }}
            """);

        var result = Run(dir.Path, templates);

        Assert.False(result.Passed);
        Assert.True(result.Counters.Mismatches > 0, string.Join("\n", result.Problems));
        Assert.Contains(result.Problems, p => p.Contains("sched_switch.next_pid: ours ", StringComparison.Ordinal) && p.Contains(", ftrace ", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.Contains("sched_switch.prev_pid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recorder_that_drops_one_event_fails_the_run_naming_the_missing_hit()
    {
        using var dir = new TempDir();
        string templates = CopyTemplates(dir.Path);
        // The 1000th event the recorder is handed vanishes: neither written nor counted as lost.
        string core = Path.Combine(templates, "probes", "tracepoint", "ltt-core.c.sbn");
        Replace(core, "static struct ltt_ring __percpu *ltt_rings;", "static struct ltt_ring __percpu *ltt_rings;\nstatic atomic_t ltt_fault = ATOMIC_INIT(0);");
        Replace(core, "\tif (!READ_ONCE(ltt_active))\n\t\treturn;\n", "\tif (!READ_ONCE(ltt_active))\n\t\treturn;\n\tif (atomic_inc_return(&ltt_fault) == 1000)\n\t\treturn;\n");

        // Only tracepoints ftrace records too: sched.h's bare tracepoints (pelt_cfs_tp, ...) have
        // no ftrace event, and the 1000th event being one of them would go unseen.
        var result = Run(dir.Path, templates, ["include/trace/events/timer.h", "include/trace/events/irq.h"]);

        Assert.False(result.Passed);
        Assert.Equal(0, result.Counters.LostOurs);
        var missing = Assert.Single(result.Problems, p => p.Contains("ftrace has this hit at", StringComparison.Ordinal));
        // Our side has no index for a hit it lacks: "hit -".
        Assert.Matches(@"^mismatch: cpu \d+, hit - \(ftrace \d+\), \w+: ftrace has this hit at \d+ ns, our trace does not$", missing);
    }

    private KernelRunResult Run(string dir, string templates, IReadOnlyList<string>? paths = null)
    {
        var options = new KernelRunOptions
        {
            OutputFolder = Path.Combine(dir, "run"),
            TemplatesRoot = templates,
            Paths = paths ?? ["include/trace/events/sched.h"],
            ImageRoots = KernelImages.DefaultRoots(RepoPaths.Root),
            Subbuffers = 16,
            SubbufferKiB = 256,
            FtraceBufferKiB = 8192,
            MemoryMiB = 768,
        };
        var result = KernelRun.Run(options, line => log.WriteLine(line));
        foreach (string problem in result.Problems.Take(20))
            log.WriteLine("problem: " + problem);
        Assert.False(result.BadInput, string.Join("\n", result.Problems));
        Assert.True(result.Guest?.Finished, "the guest did not finish: " + string.Join("\n", result.Problems));
        Assert.True(result.Counters.HitsCompared > 1000, $"only {result.Counters.HitsCompared} hits compared");
        return result;
    }

    /// <summary>The shipped templates, with a workload short enough for a test: the fault needs scheduler hits only.</summary>
    private static string CopyTemplates(string dir)
    {
        string templates = Path.Combine(dir, "templates");
        foreach (string file in Directory.GetFiles(RepoPaths.Templates, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(templates, Path.GetRelativePath(RepoPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(templates, "guest", "workload.sh"), """
            #!/bin/sh
            i=0
            while [ $i -lt 50 ]; do
            	/bin/true
            	i=$((i + 1))
            done
            ltt-guest signals 50
            sleep 1

            """);
        return templates;
    }

    private static void Replace(string file, string old, string replacement)
    {
        string text = File.ReadAllText(file);
        Assert.True(text.Contains(old, StringComparison.Ordinal), $"{file} no longer has the text the fault replaces: {old}");
        File.WriteAllText(file, text.Replace(old, replacement, StringComparison.Ordinal));
    }
}
