using System.Text.Json;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>Writes a <see cref="ValidationReport"/> as text lines or JSON (JUnit XML: Ltt.Validation.Reports.ValidationJunit).</summary>
public static class ValidationReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void WriteText(ValidationReport report, TextWriter output)
    {
        foreach (var (name, description, findings) in report.Passes)
        {
            output.WriteLine($"{(findings.Count == 0 ? "ok  " : "FAIL")} {name}: {description}" + (findings.Count == 0 ? "" : $" ({findings.Count} problem(s))"));
            foreach (var finding in findings)
                output.WriteLine("     " + finding);
        }
        output.WriteLine($"{report.Events} events in {report.Packets} packets{Losses(report)}: {(report.Passed ? "valid" : "INVALID")}");
    }

    public static void WriteJson(ValidationReport report, TextWriter output)
    {
        var document = new
        {
            trace = report.Trace,
            valid = report.Passed,
            events = report.Events,
            packets = report.Packets,
            lostPackets = report.LostPackets,
            discardedEvents = report.DiscardedEvents,
            passes = report.Passes.Select(p => new
            {
                name = p.Name,
                description = p.Description,
                passed = p.Findings.Count == 0,
                findings = p.Findings.Select(ToJson).ToList(),
            }).ToList(),
        };
        output.WriteLine(JsonSerializer.Serialize(document, Indented));
    }

    /// <summary>What the tracer says it lost, as babeltrace2 warns of it: part of a valid trace.</summary>
    private static string Losses(ValidationReport report) =>
        (report.LostPackets > 0 ? $", {report.LostPackets} packet(s) lost" : "") +
        (report.DiscardedEvents > 0 ? $", {report.DiscardedEvents} event(s) discarded" : "");

    private static object ToJson(TraceDiagnostic d) => new
    {
        check = d.Check,
        file = d.File,
        line = d.Line > 0 ? d.Line : (long?)null,
        packet = d.Packet >= 0 ? d.Packet : (long?)null,
        offset = d.Offset >= 0 ? d.Offset : (long?)null,
        @event = d.Event >= 0 ? d.Event : (long?)null,
        eventName = d.EventName,
        message = d.Message,
    };
}
