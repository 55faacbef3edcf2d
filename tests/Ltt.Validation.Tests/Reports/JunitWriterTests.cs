using System.Xml.Linq;
using Ltt.Validation.Reports;

namespace Ltt.Validation.Tests.Reports;

/// <summary>A mismatch may quote a recorded string holding control characters; the JUnit file still gets written, and says which.</summary>
public sealed class JunitWriterTests
{
    [Fact]
    public void CharactersXmlForbidsAreWrittenAsEscapes()
    {
        string xml = JunitWriter.Render("suite", [new JunitCase("events", "irq_entry\u0001") { Failures = ["field name: expected \"eth0\", found \"\u001a\u0000x\""], Output = "\uffff 😀" }]);

        var testcase = XDocument.Parse(xml).Descendants("testcase").Single();
        Assert.Equal("irq_entry\\x01", testcase.Attribute("name")!.Value);
        Assert.Equal("field name: expected \"eth0\", found \"\\x1A\\x00x\"", testcase.Element("failure")!.Value);
        Assert.Equal("\\uFFFF 😀", testcase.Element("system-out")!.Value);
    }
}
