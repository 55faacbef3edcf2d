using Ltt.Probes.Generation;
using Ltt.Probes.Harness;
using Ltt.Testing;
using Ltt.Tracepoints;

namespace Ltt.Probes.Tests;

/// <summary>The harness over kernel-tree/ itself, scanned by the real scanner: the first half of the CI validation run.</summary>
public sealed class KernelTreeHarnessTests
{
    [Fact]
    public void EveryProbeOfTheKernelTreeRecordsWhatItWasGiven()
    {
        using var dir = new TempDir();
        var result = ProbeValidation.Run(new ScanOptions { Tree = RepoPaths.KernelTree }, dir.Path, GenerateFixture.Options);

        Assert.True(result.Failure is null, result.Failure + "\n" + string.Join("\n", result.Output.Diagnostics));
        Assert.True(result.Report!.Success, string.Join("\n", result.Report.Mismatches));
        int events = result.Output.Plan!.Events.Count();
        Assert.True(events >= 30, $"only {events} events generated");
        Assert.Equal(events * HarnessPlanner.CallsPerEvent, result.Report.Records);
        Assert.DoesNotContain(result.Output.Diagnostics, d => d.Message.Contains("had no id"));
    }
}
