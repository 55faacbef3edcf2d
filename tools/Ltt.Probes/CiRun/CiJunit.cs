using System.Xml.Linq;

namespace Ltt.Probes.CiRun;

/// <summary>Writes a CI run as JUnit XML: one test case per event, plus one per trace-wide stage.</summary>
public static class CiJunit
{
    private static readonly string[] Stages = ["harness", "replay", "validate", "values", "babeltrace2"];

    public static void Write(CiRunResult result, string path)
    {
        var cases = new List<XElement>();
        if (result.Failure is not null)
        {
            cases.Add(Case("run", "ci", [result.Failure]));
        }
        foreach (var e in result.Events)
        {
            var lines = result.Mismatches.Where(m => m.Event == e.Event || m.Event.StartsWith(e.Event + ",", StringComparison.Ordinal)).Select(m => m.ToString()).ToList();
            cases.Add(Case("events", e.Event, lines, $"recorded {e.Recorded}, decoded {e.Decoded}"));
        }
        var names = result.Events.Select(e => e.Event).ToHashSet();
        foreach (string stage in Stages)
        {
            var lines = result.Mismatches.Where(m => m.Stage == stage && !names.Contains(m.Event) && !names.Any(n => m.Event.StartsWith(n + ",", StringComparison.Ordinal)))
                .Select(m => m.ToString()).ToList();
            cases.Add(Case("stages", stage, lines));
        }
        var document = new XDocument(new XElement("testsuites",
            new XElement("testsuite",
                new XAttribute("name", "ltt-trace ci"),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                cases)));
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, document + "\n");
        File.Move(temp, full, overwrite: true);
    }

    private static XElement Case(string group, string name, IReadOnlyList<string> failures, string? output = null)
    {
        var element = new XElement("testcase", new XAttribute("classname", group), new XAttribute("name", name));
        if (failures.Count > 0)
            element.Add(new XElement("failure", new XAttribute("message", failures[0]), string.Join("\n", failures)));
        if (output is not null)
            element.Add(new XElement("system-out", output));
        return element;
    }
}
