using System.Xml.Linq;
using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Reports;

/// <summary>A kernel run as JUnit: the run, a case per built module, a skipped case per module kbuild did not build, the run's time.</summary>
public sealed class KernelRunJunitTests
{
    [Fact]
    public void TheRunAndEveryModuleAreCasesAndModulesNotBuiltAreSkipped()
    {
        var suite = XDocument.Parse(KernelRunJunit.Render(KernelRunPageTests.Run())).Root!.Element("testsuite")!;

        Assert.Equal(["ltt-trace kernel-run", "4", "1", "1", "174.0"],
            ((string[])["name", "tests", "failures", "skipped", "time"]).Select(a => suite.Attribute(a)!.Value));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["run", "sched-trace", "irq-trace", "xfs-trace"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.Equal("sched_switch: 2 mismatches", cases[0].Element("failure")!.Attribute("message")!.Value);
        Assert.StartsWith("{", cases[0].Element("system-out")!.Value);
        Assert.Contains("ran under TCG", cases[0].Element("system-out")!.Value);
        Assert.Null(cases[1].Element("failure"));
        Assert.Equal("does not build: xfs_trace.h: unknown type name 'xfs_ino_t'", cases[3].Element("skipped")!.Attribute("message")!.Value);
    }
}
