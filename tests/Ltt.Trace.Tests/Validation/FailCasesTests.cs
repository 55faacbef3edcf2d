using Ltt.Testing;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Text;
using Ltt.Trace.Validation;

namespace Ltt.Trace.Tests.Validation;

/// <summary>Each broken trace under tests/data/ctf-traces/fail is reported precisely (its <c>expected</c> file), never with an exception.</summary>
public sealed class FailCasesTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(RepoPaths.TestData("data", "ctf-traces", "fail")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsTheDamageWhereItIs(string name)
    {
        string folder = RepoPaths.TestData("data", "ctf-traces", "fail", name);
        string expected = File.ReadAllText(Path.Combine(folder, "expected")).Trim();
        Assert.True(File.Exists(Path.Combine(folder, "README")), $"{name} has no README saying what is wrong");

        var report = Validate(folder);

        Assert.False(report.Passed);
        Assert.Contains(expected, report.Findings.Select(f => f.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DumpStopsWithADiagnosticNotAnException(string name)
    {
        string folder = RepoPaths.TestData("data", "ctf-traces", "fail", name);
        var opened = TraceSet.Open(folder);
        if (opened.Traces is null)
        {
            Assert.NotEmpty(opened.Diagnostics);
            return;
        }
        using var traces = opened.Traces;
        var result = TraceDump.Write(traces, Stream.Null);
        if (name != "timestamp-backwards")
            Assert.NotEmpty(result.Diagnostics);
    }

    internal static ValidationReport Validate(string folder) => TraceValidator.Validate(folder);
}
