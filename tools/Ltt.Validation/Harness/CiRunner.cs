using Ltt.Probes.Harness;
using Ltt.Trace.Buffers;
using Ltt.Trace.Layout;
using Ltt.Trace.Reader;
using Ltt.Trace.Runtime;
using Ltt.Trace.Validation;

namespace Ltt.Validation.Harness;

/// <summary>
/// The CI validation run: generate the probes of a tree, build them and their userspace harness
/// with gcc and run it (what the compiled probe code serialized, against the values passed in),
/// replay those payloads through the C# runtime into a CTF trace, validate the trace against the
/// generated metadata, check every decoded value against the harness's, and check that
/// babeltrace2 reads the same values. Every disagreement is a <see cref="CiMismatch"/>.
/// </summary>
public static class CiRunner
{
    public static CiRunResult Run(CiRunOptions options, Action<string>? progress = null)
    {
        progress ??= _ => { };
        string probes = Path.Combine(options.OutputFolder, "probes");
        progress("generating probes, building the harness with gcc and running it");
        var probe = ProbeValidation.Run(options.Scan, probes, options.Generate);
        var output = probe.Output;
        if (output.HasErrors)
            return Failed(probe.Failure ?? "generation failed", badInput: true);
        if (output.Catalog is { Events.Count: 0 })
            return Failed($"no tracepoint found in {options.Scan.Tree}: nothing to check", badInput: true);
        if (output.Catalog is not { } catalog || output.Harness is not { } harness)
            return Failed(probe.Failure ?? "generation produced no catalog or harness");
        if (probe.Failure is not null || probe.Report is null)
            return Failed(probe.Failure ?? "the harness did not run");
        var mismatches = probe.Report.Mismatches.Select(m => new CiMismatch(CiStage.Harness, m.Event, m.Field, m.Record >= 0 ? $"record {m.Record}: {m.Message}" : m.Message)).ToList();

        string records = Path.Combine(probes, "harness", "build", "records.bin");
        if (!HarnessRecording.TryLoad(records, out var recording, out string? recordError))
            return Failed(recordError);

        string tracePath = Path.Combine(options.OutputFolder, "trace");
        progress($"replaying {recording.Records.Count} payloads through the runtime into {tracePath}");
        string? replayError = Replay(catalog, recording, tracePath, mismatches);
        if (replayError is not null)
            return Failed(replayError);

        progress("validating the trace against events.json");
        var opened = TraceSet.Open(tracePath);
        if (opened.Traces is not { } traces)
            return Failed("the replayed trace does not open: " + string.Join("; ", opened.Diagnostics));
        ValidationReport validation;
        using (traces)
            validation = TraceValidator.Validate(tracePath, traces, catalog);
        mismatches.AddRange(validation.Findings.Select(f => new CiMismatch(CiStage.Validate, f.EventName ?? "trace", null, f.ToString())));

        progress("checking every decoded value against the harness");
        var decoded = new Dictionary<int, long>();
        int fields = CompareValues(tracePath, HarnessComparison.Resolve(harness.Expected, recording), decoded, mismatches);

        progress("checking that babeltrace2 reads the same values");
        string? babeltraceError = BabeltraceCheck.Compare(options.Babeltrace, tracePath, mismatches);
        if (babeltraceError is not null)
            return Failed(babeltraceError);

        var recorded = recording.Records.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g.Count());
        var summaries = catalog.Events
            .Select(e => new CiEventSummary(e.Id, e.Name, recorded.GetValueOrDefault(e.Id), decoded.GetValueOrDefault(e.Id),
                mismatches.Count(m => m.Concerns(e.Name))))
            .ToList();
        return new CiRunResult(null, summaries, mismatches, validation, tracePath, fields);

        CiRunResult Failed(string message, bool badInput = false) => new(message, [], [], null, null, 0) { BadInput = badInput };
    }

    private static string? Replay(EventCatalog catalog, HarnessRecording recording, string tracePath, List<CiMismatch> mismatches)
    {
        // One buffer: the trace keeps the harness's call order exactly, whatever CPU the replay runs on.
        var sessionOptions = new TraceSessionOptions(tracePath, catalog, new ChannelConfig(CpuCount: 1));
        if (!TraceSession.TryStart(sessionOptions, out var session, out string? error))
            return "the runtime cannot record the catalog: " + error;
        using (session)
        {
            foreach (var record in recording.Records)
            {
                if (catalog.FindById(record.EventId) is null)
                {
                    mismatches.Add(new CiMismatch(CiStage.Replay, record.Marker, null, $"record at offset {record.Offset} has event id {record.EventId}, which events.json does not know"));
                    continue;
                }
                if (!session.Write(record.EventId, record.Payload))
                    mismatches.Add(new CiMismatch(CiStage.Replay, record.Marker, null, $"the runtime lost the record at offset {record.Offset} (buffer full)"));
            }
            var stats = session.Stop();
            if (stats.Error is not null)
                return "the runtime's consumer failed: " + stats.Error;
        }
        return null;
    }

    /// <summary>Pairs the trace's events with the harness's calls, in order per event id, and compares field by field.</summary>
    private static int CompareValues(string tracePath, IReadOnlyList<ExpectedEvent> expected, Dictionary<int, long> decoded, List<CiMismatch> mismatches)
    {
        var queues = expected.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => new Queue<ExpectedEvent>(g));
        int fields = 0;
        using var traces = TraceSet.Open(tracePath).Traces!;
        while (traces.MoveNext())
        {
            var cursor = traces.Current;
            var eventClass = cursor.EventClass!;
            int id = (int)eventClass.Id;
            decoded[id] = decoded.GetValueOrDefault(id) + 1;
            if (!queues.TryGetValue(id, out var queue) || queue.Count == 0)
            {
                mismatches.Add(new CiMismatch(CiStage.Values, eventClass.Name, null, $"the trace holds more {eventClass.Name} events than the harness called"));
                continue;
            }
            var want = queue.Dequeue();
            var found = cursor.ReadPayload().ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
            foreach (var field in want.Fields)
            {
                fields++;
                if (!found.TryGetValue(field.Name, out var value))
                {
                    mismatches.Add(new CiMismatch(CiStage.Values, want.Event, field.Name, "the trace's event has no such field"));
                    continue;
                }
                if (!value.Equals(field.Value))
                    mismatches.Add(new CiMismatch(CiStage.Values, want.Event, field.Name, $"expected {field.Value.ToDiagnosticString()} (the harness passed {field.Passed}), found {value.ToDiagnosticString()}"));
            }
        }
        foreach (var (id, queue) in queues.Where(q => q.Value.Count > 0))
            mismatches.Add(new CiMismatch(CiStage.Values, queue.Peek().Event, null, $"the harness called it {queue.Count} more time(s) than the trace holds"));
        foreach (var d in traces.Diagnostics)
            mismatches.Add(new CiMismatch(CiStage.Values, d.EventName ?? d.File, null, d.ToString()));
        return fields;
    }
}
