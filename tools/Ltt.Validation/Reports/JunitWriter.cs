using System.Xml.Linq;

namespace Ltt.Validation.Reports;

/// <summary>
/// The one JUnit XML writer (CI systems read it): a <c>testsuites</c> element with one suite of
/// cases, a case failing with its failures joined one per line. <c>ltt-trace ci</c> and
/// <c>ltt-trace validate</c> both report through it; <c>Ltt.IO.AtomicFile</c> writes the text.
/// </summary>
public static class JunitWriter
{
    public static string Render(string suite, IReadOnlyList<JunitCase> cases)
    {
        var elements = cases.Select(c =>
        {
            var element = new XElement("testcase", new XAttribute("classname", c.ClassName), new XAttribute("name", c.Name));
            if (c.Failures.Count > 0)
                element.Add(new XElement("failure", new XAttribute("message", c.FailureMessage ?? c.Failures[0]), string.Join("\n", c.Failures)));
            if (c.Output is not null)
                element.Add(new XElement("system-out", c.Output));
            return element;
        });
        var document = new XDocument(new XElement("testsuites",
            new XElement("testsuite",
                new XAttribute("name", suite),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Failures.Count > 0)),
                elements)));
        return document + "\n";
    }
}
