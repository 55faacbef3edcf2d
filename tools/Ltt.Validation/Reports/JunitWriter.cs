using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Ltt.Validation.Reports;

/// <summary>
/// The one JUnit XML writer (CI systems read it): a <c>testsuites</c> element with one suite of
/// cases, a case failing with its failures joined one per line. <c>ltt-trace ci</c>,
/// <c>validate</c> and <c>kernel-run</c> report through it; <c>Ltt.IO.AtomicFile</c> writes the text.
/// </summary>
public static class JunitWriter
{
    /// <param name="time">The suite's duration, for a run that times itself (kernel-run): the suite then also counts its skipped cases.</param>
    public static string Render(string suite, IReadOnlyList<JunitCase> cases, TimeSpan? time = null)
    {
        var elements = cases.Select(c =>
        {
            var element = new XElement("testcase", new XAttribute("classname", Text(c.ClassName)), new XAttribute("name", Text(c.Name)));
            if (c.Failures.Count > 0)
                element.Add(new XElement("failure", new XAttribute("message", Text(c.FailureMessage ?? c.Failures[0])), Text(string.Join("\n", c.Failures))));
            if (c.Skipped is not null)
                element.Add(new XElement("skipped", new XAttribute("message", Text(c.Skipped))));
            if (c.Output is not null)
                element.Add(new XElement("system-out", Text(c.Output)));
            return element;
        });
        var document = new XDocument(new XElement("testsuites",
            new XElement("testsuite",
                new XAttribute("name", suite),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Failures.Count > 0)),
                time is null && cases.All(c => c.Skipped is null) ? null : new XAttribute("skipped", cases.Count(c => c.Skipped is not null)),
                time is { } t ? new XAttribute("time", t.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)) : null,
                elements)));
        return document + "\n";
    }

    /// <summary>
    /// Text as XML 1.0 can carry it: a character XML forbids (a control character of a recorded
    /// string that a mismatch quotes) is written as <c>\xNN</c> (<c>\uNNNN</c>) instead of making
    /// the whole report unwritable.
    /// </summary>
    public static string Text(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
                continue;
            }
            if (XmlConvert.IsXmlChar(ch))
                sb.Append(ch);
            else
                sb.Append(ch <= 0xFF ? $"\\x{(int)ch:X2}" : $"\\u{(int)ch:X4}");
        }
        return sb.ToString();
    }
}
