using System.Text.Json;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>Writes a <see cref="ValidationReport"/> as text lines or JSON (JUnit XML: Ltt.Validation.Reports.ValidationJunit).</summary>
public static class ValidationReportWriter
{
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

    /// <summary>The report as an indented JSON object, written field by field (no reflection: ltt-trace is published ahead of time).</summary>
    public static void WriteJson(ValidationReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("trace", report.Trace);
            json.WriteBoolean("valid", report.Passed);
            json.WriteNumber("events", report.Events);
            json.WriteNumber("packets", report.Packets);
            json.WriteNumber("lostPackets", report.LostPackets);
            json.WriteNumber("discardedEvents", report.DiscardedEvents);
            json.WriteStartArray("passes");
            foreach (var (name, description, findings) in report.Passes)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("description", description);
                json.WriteBoolean("passed", findings.Count == 0);
                json.WriteStartArray("findings");
                foreach (var finding in findings)
                    WriteFinding(json, finding);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>What the tracer says it lost, as babeltrace2 warns of it: part of a valid trace.</summary>
    private static string Losses(ValidationReport report) =>
        (report.LostPackets > 0 ? $", {report.LostPackets} packet(s) lost" : "") +
        (report.DiscardedEvents > 0 ? $", {report.DiscardedEvents} event(s) discarded" : "");

    private static void WriteFinding(Utf8JsonWriter json, TraceDiagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("check", d.Check);
        json.WriteString("file", d.File);
        WriteOptional(json, "line", d.Line > 0 ? d.Line : null);
        WriteOptional(json, "packet", d.Packet >= 0 ? d.Packet : null);
        WriteOptional(json, "offset", d.Offset >= 0 ? d.Offset : null);
        WriteOptional(json, "event", d.Event >= 0 ? d.Event : null);
        json.WriteString("eventName", d.EventName);
        json.WriteString("message", d.Message);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }
}
