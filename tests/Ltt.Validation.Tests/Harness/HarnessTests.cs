using Ltt.Probes.Generation;
using Ltt.Probes.Tests;
using Ltt.Validation.Harness;
using Ltt.Testing;

namespace Ltt.Validation.Tests.Harness;

public sealed class HarnessTests
{
    [Fact]
    public void EveryPayloadDecodesToTheValuesPassedIn()
    {
        var output = GenerateFixture.Generate();
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics.Concat<object>(output.TemplateErrors)));
        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));

        var build = HarnessBuilder.Build(dir.Path, RepoPaths.KernelTree, Path.Combine(dir.Path, "harness", "build"));
        Assert.True(build.Success, build.Diagnostics);
        string records = Path.Combine(dir.Path, "records.bin");
        var run = HarnessBuilder.Run(build.Executable!, records);
        Assert.True(run.Success, run.Error);

        Assert.True(HarnessRecording.TryLoad(records, out var recording, out string? error), error);
        var report = HarnessComparison.Compare(output.Catalog!, output.Harness!.Expected, recording);
        Assert.True(report.Success, string.Join("\n", report.Mismatches));
        Assert.Equal(output.Harness.Expected.Count, report.Records);
        Assert.True(report.FieldsChecked > 10);
    }

    [Fact]
    public void BranchesAndTpFastAssignVariablesComputeInTheProbeWhatTheyComputeInTheHarness()
    {
        // gcc builds the probe and its expect function; both run the rewritten TP_fast_assign code.
        var site = SampleScan.IrqHandlerEntry with
        {
            Assign = Tracepoints.Model.SourceText.Parse(
                "int twice = irq * 2;\n\nif (twice > 4) {\n\t__entry->irq = twice;\n} else {\n\t__entry->irq = -1;\n}\n__assign_str(name, name);",
                new Tracepoints.Model.SourceLocation("include/trace/irq.h", 30)),
        };
        var output = GenerateFixture.Generate(SampleScan.Result(SampleScan.SchedSwitch, site));
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics.Concat<object>(output.TemplateErrors)));
        string probe = output.Files.Single(f => f.Key.StartsWith("probes/", StringComparison.Ordinal) && f.Key.EndsWith(".c", StringComparison.Ordinal) &&
            f.Value.Contains("probe_irq_handler_entry(", StringComparison.Ordinal)).Value;
        // One statement per arm: kernel style writes no braces.
        Assert.True(probe.Contains("\ttwice = irq * 2;\n\tmemset(&ltt_irq, 0, sizeof(ltt_irq));\n\tif (twice > 4)\n\t\tltt_irq = twice;\n\telse\n\t\tltt_irq = -1;\n", StringComparison.Ordinal), probe);
        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));

        var build = HarnessBuilder.Build(dir.Path, RepoPaths.KernelTree, Path.Combine(dir.Path, "harness", "build"));
        Assert.True(build.Success, build.Diagnostics);
        string records = Path.Combine(dir.Path, "records.bin");
        var run = HarnessBuilder.Run(build.Executable!, records);
        Assert.True(run.Success, run.Error);

        Assert.True(HarnessRecording.TryLoad(records, out var recording, out string? error), error);
        var report = HarnessComparison.Compare(output.Catalog!, output.Harness!.Expected, recording);
        Assert.True(report.Success, string.Join("\n", report.Mismatches));
        Assert.Contains(output.Harness.Expected, x => x.Event == "irq_handler_entry");
    }
}
