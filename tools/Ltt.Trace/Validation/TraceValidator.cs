using Ltt.Trace.Layout;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>
/// Validates a trace in one read: the reader's own checks (event ids known, every field and
/// string inside its packet, packet and content sizes consistent, magic, uuid), then the named
/// passes over every packet and event, then, given the generated <c>events.json</c>, that the
/// metadata describes the same events and fields.
/// </summary>
public static class TraceValidator
{
    public const string DecodePass = "decode";

    public static IReadOnlyList<ITracePass> DefaultPasses() => [new EnumValuesPass(), new TimestampsPass(), new PacketCountersPass()];

    public static ValidationReport Validate(string path, TraceSet traces, EventCatalog? catalog = null)
    {
        var passes = DefaultPasses();
        var findings = passes.ToDictionary(p => p.Name, _ => new List<TraceDiagnostic>());
        long packets = 0;
        foreach (var stream in traces.Streams)
        {
            stream.PacketStarted = s =>
            {
                packets++;
                foreach (var pass in passes)
                    pass.OnPacket(s, findings[pass.Name]);
            };
        }
        long events = 0;
        while (traces.MoveNext())
        {
            events++;
            var current = traces.Current;
            foreach (var pass in passes)
                pass.OnEvent(current, findings[pass.Name]);
        }
        foreach (var stream in traces.Streams)
            stream.PacketStarted = null;
        var report = new List<(string, string, IReadOnlyList<TraceDiagnostic>)>
        {
            (DecodePass, "every packet and event decodes: known ids, fields and strings inside their packet, consistent sizes, magic and uuid", traces.Diagnostics.ToList()),
        };
        report.AddRange(passes.Select(p => (p.Name, p.Description, (IReadOnlyList<TraceDiagnostic>)findings[p.Name])));
        if (catalog is not null)
        {
            var catalogFindings = traces.Traces.SelectMany(t => CatalogComparison.Compare(t.Trace, catalog)).ToList();
            report.Add((CatalogComparison.PassName, "the metadata describes the same events and fields as events.json", catalogFindings));
        }
        return new ValidationReport(path, report, events, packets);
    }
}
