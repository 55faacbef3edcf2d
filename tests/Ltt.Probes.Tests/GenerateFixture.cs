using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Testing;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests;

/// <summary>Generation over a hand-built scan with the repository's templates.</summary>
internal static class GenerateFixture
{
    public static ProbeGeneratorOptions Options => new() { TemplatesRoot = RepoPaths.Templates, Generator = "ltt-gen test" };

    public const string Spec = """
        # what the thread's kernel-trace.c records
        sched_switch -> kernel.sched_schedule: prev->pid, next->pid, prev->state as #2d
        struct task_struct: pid, comm
        """;

    public static GeneratedOutput Generate(ScanResult? scan = null, string spec = Spec, string ids = "", ProbeGeneratorOptions? options = null) =>
        ProbeGenerator.Render(
            scan ?? SampleScan.Default,
            ProbeSpecParser.Parse(spec, "ltt/probes.spec"),
            EventIdMap.Parse(ids, "ltt/event-ids"),
            options ?? Options);
}
