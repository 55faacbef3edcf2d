using Ltt.Probes.Generation;
using Ltt.Probes.Tests;
using Ltt.Validation.Harness;
using Ltt.Testing;
using Ltt.Trace.Layout;

namespace Ltt.Validation.Tests.Harness;

/// <summary>
/// The harness comparison must catch a probe and a layout that disagree, and say where:
/// the event, the field, what was expected and what was found.
/// </summary>
public sealed class MismatchTests
{
    [Fact]
    public void ALayoutThatWidensATwoByteFieldIsCaught()
    {
        var (output, recording) = BuildAndRun(GenerateFixture.Options);
        var widened = Widen(output.Catalog!, "sched_switch", "prev_state", 4);

        var report = HarnessComparison.Compare(widened, output.Harness!.Expected, recording);

        Assert.False(report.Success);
        var first = report.Mismatches.First(m => m.Event.StartsWith("sched_switch", StringComparison.Ordinal));
        Assert.Contains("field 'prev_state'", first.Message);
        Assert.Contains("needs 4 bytes at offset 8, the payload has 10", first.Message);
    }

    [Fact]
    public void AProbeThatWritesSignedAsUnsignedIsCaughtWithBothValues()
    {
        var (output, recording) = BuildAndRun(GenerateFixture.Options);
        var catalog = output.Catalog!;
        var unsigned = catalog with
        {
            Events = catalog.Events.Select(e => e.Name != "sched_switch" ? e : e with
            {
                Fields = e.Fields.Select(f => f.Name == "prev_state" ? f with { Signed = false } : f).ToList(),
            }).ToList(),
        };
        var expected = output.Harness!.Expected;
        var negative = expected.Select((x, i) => (x, i)).First(p => p.x.Event == "sched_switch" && p.x.Fields.Single(f => f.Name == "prev_state").Value.Integer < 0);

        var report = HarnessComparison.Compare(unsigned, expected, recording);

        var mismatch = Assert.Single(report.Mismatches, m => m.Record == negative.i);
        Assert.Equal("prev_state", mismatch.Field);
        Assert.Contains($"expected {negative.x.Fields.Single(f => f.Name == "prev_state").Value.Integer}", mismatch.Message);
        Assert.Contains("unsigned 2-byte integer", mismatch.Message);
    }

    [Fact]
    public void ATemplateThatReordersTheStructIsCaught()
    {
        using var templates = new TempDir();
        CopyTree(RepoPaths.Templates, templates.Path);
        string module = Path.Combine(templates.Path, "probes", "ltt-0.105", "module.c.sbn");
        string text = File.ReadAllText(module);
        Assert.Contains("{{~ for m in s.members ~}}", text);
        File.WriteAllText(module, text.Replace("{{~ for m in s.members ~}}", "{{~ for m in s.members | array.reverse ~}}"));

        var (output, recording) = BuildAndRun(GenerateFixture.Options with { TemplatesRoot = templates.Path });
        var report = HarnessComparison.Compare(output.Catalog!, output.Harness!.Expected, recording);

        Assert.False(report.Success);
        Assert.Contains(report.Mismatches, m => m.Event.StartsWith("sched_switch", StringComparison.Ordinal) && m.Field == "prev_pid" && m.Message.StartsWith("expected ", StringComparison.Ordinal));
    }

    private static (GeneratedOutput Output, HarnessRecording Recording) BuildAndRun(ProbeGeneratorOptions options)
    {
        var output = GenerateFixture.Generate(options: options);
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics.Concat<object>(output.TemplateErrors)));
        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));
        var build = HarnessBuilder.Build(dir.Path, RepoPaths.KernelTree, Path.Combine(dir.Path, "build"));
        Assert.True(build.Success, build.Diagnostics);
        string records = Path.Combine(dir.Path, "records.bin");
        Assert.True(HarnessBuilder.Run(build.Executable!, records).Success);
        Assert.True(HarnessRecording.TryLoad(records, out var recording, out string? error), error);
        return (output, recording);
    }

    private static EventCatalog Widen(EventCatalog catalog, string evt, string field, int size) => catalog with
    {
        Events = catalog.Events.Select(e => e.Name != evt ? e : e with
        {
            Fields = e.Fields.Select(f => f.Name == field ? f with { Size = size, Alignment = size } : f).ToList(),
        }).ToList(),
    };

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
