using System.Xml.Linq;

namespace Ltt.Validation.Kernel;

/// <summary>Writes a kernel run as JUnit XML: one test case for the run, one per probe module (built: loads and attaches; not built: skipped, with kbuild's reason).</summary>
public static class KernelRunJunit
{
    public static void Write(KernelRunResult result, string path)
    {
        var cases = new List<XElement>
        {
            Case("kernel-run", "run", result.Problems, string.Join("\n", result.Notes.Prepend(KernelRunJson.Write(result.Counters)))),
        };
        if (result.Build is { } build)
        {
            foreach (string module in build.Built)
            {
                var problems = result.Problems.Where(p => p.StartsWith($"module {module} ", StringComparison.Ordinal)).ToList();
                cases.Add(Case("kernel-run.modules", module, problems));
            }
            // Not built is the generator's limit, not a failed check: a skipped case with the reason.
            foreach (var failed in build.Failed)
            {
                cases.Add(new XElement("testcase", new XAttribute("classname", "kernel-run.modules"), new XAttribute("name", failed.Module),
                    new XElement("skipped", new XAttribute("message", Reports.JunitWriter.Text($"does not build: {failed.Reason}")))));
            }
        }
        var document = new XDocument(new XElement("testsuites",
            new XElement("testsuite",
                new XAttribute("name", "ltt-trace kernel-run"),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                new XAttribute("skipped", cases.Count(c => c.Element("skipped") is not null)),
                new XAttribute("time", result.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)),
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
            element.Add(new XElement("failure", new XAttribute("message", Reports.JunitWriter.Text(failures[0])), Reports.JunitWriter.Text(string.Join("\n", failures))));
        if (output is not null)
            element.Add(new XElement("system-out", Reports.JunitWriter.Text(output)));
        return element;
    }
}
