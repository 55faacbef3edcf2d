using Ltt.Probes.Harness;
using Ltt.Probes.Plan;
using Ltt.Trace.Layout;
using Ltt.Trace.Reader;
using Ltt.Validation.Harness;

namespace Ltt.Validation.Tests.Harness;

/// <summary>
/// The harness over kernel-tree/ itself, scanned by the real scanner: the first half of the CI
/// validation run. One gcc build serves every test (<see cref="KernelTreeHarness"/>).
/// </summary>
public sealed class KernelTreeHarnessTests(KernelTreeHarness harness) : IClassFixture<KernelTreeHarness>
{
    [Fact]
    public void EveryProbeOfTheKernelTreeRecordsWhatItWasGiven()
    {
        var result = harness.Result;

        Assert.True(result.Failure is null, result.Failure + "\n" + string.Join("\n", result.Output.Diagnostics));
        Assert.True(result.Report!.Success, string.Join("\n", result.Report.Mismatches));
        int events = result.Output.Plan!.Events.Count();
        Assert.True(events >= 30, $"only {events} events generated");
        Assert.Equal(events * HarnessPlanner.CallsPerEvent, result.Report.Records);
        Assert.DoesNotContain(result.Output.Diagnostics, d => d.Message.Contains("had no id"));

        // The fields TP_fast_assign computes were compared with the harness's own evaluation.
        var computed = result.Output.Harness!.Expected.SelectMany(x => x.Fields).Where(f => f.ComputedFrom is not null).ToList();
        Assert.True(computed.Count >= 40, $"only {computed.Count} computed fields checked");
        var kinds = computed.Select(f => f.ComputedFrom!.Kind).ToHashSet();
        Assert.Contains(ProbeValueKind.Sequence, kinds);
        Assert.Contains(ProbeValueKind.Array, kinds);
        Assert.Contains(ProbeValueKind.String, kinds);
        Assert.Contains(ProbeValueKind.Integer, kinds);
    }

    [Fact]
    public void SequencesComeBackWithTheirLengthsIncludingEmptyOnes()
    {
        var result = harness.Result;
        Assert.True(result.Success, result.Failure ?? string.Join("\n", result.Report!.Mismatches));
        HarnessRecording.TryLoad(Path.Combine(harness.Folder, "harness", "build", "records.bin"), out var recording, out string? error);
        Assert.NotNull(recording);

        Assert.True(PayloadDecoder.TryCreate(result.Output.Catalog!, out var decoder, out string? decoderError), decoderError);
        var lengths = new List<(string Event, string Field, long Length)>();
        foreach (var record in recording.Records)
        {
            var layout = result.Output.Catalog!.FindById(record.EventId)!;
            var decoded = decoder.Decode(record.EventId, record.Payload);
            foreach (var field in layout.Fields.Where(f => f.Kind == FieldKind.Sequence))
            {
                long length = (long)decoded.Fields.Single(f => f.Name == field.LengthField).Value.Integer;
                lengths.Add((layout.Name, field.Name, length));
                var elements = decoded.Fields.Single(f => f.Name == field.Name).Value.Elements!;
                Assert.Equal(length, elements.Length);
            }
        }
        string seen = string.Join(", ", lengths.Select(l => $"{l.Event}.{l.Field}={l.Length}"));
        // block's cmd is empty unless the request is a packet command (the second call's small
        // member values make some of them one); irq_affinity_set's mask is one long.
        Assert.Contains(lengths, l => l.Field == "cmd" && l.Length == 0);
        Assert.Contains(lengths, l => l.Field == "cmd" && l.Length is > 0 and <= 4);
        Assert.Contains(lengths, l => l.Field == "cpus" && l.Length == 1);
        Assert.True(lengths.All(l => l.Length <= 256), seen);
    }
}
