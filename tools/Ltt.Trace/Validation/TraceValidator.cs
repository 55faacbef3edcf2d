using Ltt.Trace.Layout;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>
/// Validates a trace in one read: the reader's own checks (event ids known, every field and
/// string inside its packet, packet and content sizes consistent, magic, uuid), then the named
/// passes over every packet and event, then, given the generated <c>events.json</c>, that the
/// metadata describes the same events and fields. Every check is about one stream at a time,
/// so the streams are read in parallel, each with its own instances of the passes; findings
/// are reported stream by stream, in file order.
/// </summary>
public static class TraceValidator
{
    public const string DecodePass = "decode";

    /// <summary>A fresh set of the passes <see cref="Validate(string, TraceSet, EventCatalog?)"/> runs; each instance sees one stream.</summary>
    public static IReadOnlyList<ITracePass> DefaultPasses() => [new EnumValuesPass(), new TimestampsPass(), new PacketCountersPass()];

    /// <summary>The pass that reports a trace whose metadata does not parse or resolve.</summary>
    public const string MetadataPass = "metadata";

    /// <summary>
    /// Opens the trace(s) under <paramref name="path"/> and validates them. Metadata that does not
    /// parse is the <see cref="MetadataPass"/>'s finding; a path with no trace at all (no folder,
    /// no <c>metadata</c> file) gives a report with <see cref="ValidationReport.NotATrace"/> set.
    /// </summary>
    public static ValidationReport Validate(string path, EventCatalog? catalog = null)
    {
        var opened = TraceSet.Open(path);
        if (opened.Traces is not { } traces)
        {
            return new ValidationReport(path, [(MetadataPass, "the metadata parses and its layouts resolve", opened.Diagnostics)], 0, 0)
            {
                NotATrace = opened.Diagnostics.All(d => d.Check == TraceSet.OpenCheck),
            };
        }
        using (traces)
            return Validate(path, traces, catalog);
    }

    public static ValidationReport Validate(string path, TraceSet traces, EventCatalog? catalog = null)
    {
        var template = DefaultPasses();
        var perStream = new StreamResult[traces.Streams.Count];
        StreamWorkers.ForEach(traces.Streams, stream => perStream[stream.Order] = Read(stream));
        var report = new List<(string, string, IReadOnlyList<TraceDiagnostic>)>
        {
            (DecodePass, "every packet and event decodes: known ids, fields and strings inside their packet, consistent sizes, magic and uuid", traces.Diagnostics.ToList()),
        };
        for (int p = 0; p < template.Count; p++)
            report.Add((template[p].Name, template[p].Description, perStream.SelectMany(s => s.Findings[p]).ToList()));
        if (catalog is not null)
        {
            var catalogFindings = traces.Traces.SelectMany(t => CatalogComparison.Compare(t.Trace, catalog)).ToList();
            report.Add((CatalogComparison.PassName, "the metadata describes the same events and fields as events.json", catalogFindings));
        }
        return new ValidationReport(path, report, perStream.Sum(s => s.Events), perStream.Sum(s => s.Packets))
        {
            LostPackets = perStream.Sum(s => s.LostPackets),
            DiscardedEvents = perStream.Aggregate(0UL, (sum, s) => sum + s.Discarded),
        };
    }

    /// <summary>What one stream's read found: each pass's findings, the counts, and what the tracer says it lost.</summary>
    private readonly record struct StreamResult(List<TraceDiagnostic>[] Findings, long Events, long Packets, long LostPackets, ulong Discarded);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static StreamResult Read(StreamCursor stream)
    {
        var passes = DefaultPasses().ToArray();
        var findings = passes.Select(_ => new List<TraceDiagnostic>()).ToArray();
        long packets = 0;
        ulong discarded = 0, lastDiscarded = 0;
        stream.PacketStarted = s =>
        {
            packets++;
            if (s.EventsDiscarded is { } counter)
            {
                if (counter > lastDiscarded)
                    discarded += counter - lastDiscarded;
                lastDiscarded = counter;
            }
            for (int p = 0; p < passes.Length; p++)
                passes[p].OnPacket(s, findings[p]);
        };
        long events = 0;
        var perClass = new long[stream.Compiled.EventCount];
        ulong fold = 0;
        while (stream.MoveNext())
        {
            events++;
            for (int p = 0; p < passes.Length; p++)
                passes[p].OnEvent(stream, findings[p]);
            // The lean events after it in one loop, as stats reads them: no enumeration, clock
            // inside the packet (and never backwards), so no pass would report one of them; the
            // passes see the run's last event, which carries the clock they keep.
            ulong ceiling = stream.HasClock ? stream.TimestampEnd ?? ulong.MaxValue : ulong.MaxValue;
            long run = stream.CountLeanRun(perClass, ref fold, new ValidationLeanRunStop(ceiling));
            if (run == 0)
                continue;
            events += run;
            for (int p = 0; p < passes.Length; p++)
                passes[p].OnEvent(stream, findings[p]);
        }
        stream.PacketStarted = null;
        return new StreamResult(findings, events, packets, passes.OfType<PacketCountersPass>().Sum(p => p.LostPackets), discarded);
    }
}
