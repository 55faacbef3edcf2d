using Ltt.Probes.Generation;
using Ltt.Probes.Harness;
using Ltt.Testing;

namespace Ltt.Probes.Tests;

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
}
