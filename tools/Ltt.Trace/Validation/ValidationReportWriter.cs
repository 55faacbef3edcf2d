using System.Text.Json;
using System.Xml.Linq;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>Writes a <see cref="ValidationReport"/> as text lines, JSON, or a JUnit XML file for CI systems.</summary>
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
        output.WriteLine($"{report.Events} events in {report.Packets} packets: {(report.Passed ? "valid" : "INVALID")}");
    }

    public static void WriteJson(ValidationReport report, TextWriter output)
    {
        var document = new
        {
            trace = report.Trace,
            valid = report.Passed,
            events = report.Events,
            packets = report.Packets,
            passes = report.Passes.Select(p => new
            {
                name = p.Name,
                description = p.Description,
                passed = p.Findings.Count == 0,
                findings = p.Findings.Select(ToJson).ToList(),
            }).ToList(),
        };
        output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }

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

    /// <summary>Writes JUnit XML: one test case per pass, failing with the pass's findings. Written to a temporary file and moved into place.</summary>
    public static void WriteJunit(ValidationReport report, string path, string suite = "ltt-trace validate")
    {
        var cases = report.Passes.Select(p =>
        {
            var testCase = new XElement("testcase", new XAttribute("classname", report.Trace), new XAttribute("name", p.Name));
            if (p.Findings.Count > 0)
            {
                testCase.Add(new XElement("failure",
                    new XAttribute("message", $"{p.Findings.Count} problem(s): {p.Findings[0]}"),
                    string.Join("\n", p.Findings)));
            }
            return testCase;
        });
        var document = new XDocument(new XElement("testsuites",
            new XElement("testsuite",
                new XAttribute("name", suite),
                new XAttribute("tests", report.Passes.Count),
                new XAttribute("failures", report.Passes.Count(p => p.Findings.Count > 0)),
                cases)));
        WriteAtomically(path, document.ToString() + "\n");
    }

    internal static void WriteAtomically(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, text);
        File.Move(temp, full, overwrite: true);
    }
}
