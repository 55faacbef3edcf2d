using Ltt.Testing;
using Ltt.Trace.Layout;
using Ltt.Trace.Reader;
using Ltt.Trace.Validation;

namespace Ltt.Trace.Tests.Validation;

/// <summary>Validation of the real LTTng-UST traces, and of a trace's metadata against an events.json.</summary>
public sealed class RealTraceValidationTests
{
    private static string Lttng(string name) => RepoPaths.TestData("data", "lttng-traces", name);

    [Fact]
    public void DiscardModeTraceIsValidAndCountsItsDiscardedEvents()
    {
        var report = FailCasesTests.Validate(Lttng("ust-discard"));
        Assert.True(report.Passed, string.Join("\n", report.Findings));

        using var traces = TraceSet.Open(Lttng("ust-discard")).Traces!;
        var stats = TraceStatistics.Collect(traces);
        Assert.True(stats.Discarded > 0);
        Assert.Equal(3000UL, (ulong)stats.Events + stats.Discarded);
    }

    [Fact]
    public void UndeclaredEnumerationValueIsTheOnlyFindingInTheTypesTrace()
    {
        // The provider fires state = i % 8 and its enumeration stops at ZOMBIE = 6: value 7 is undeclared.
        var report = FailCasesTests.Validate(Lttng("ust-types"));

        var findings = report.Findings.ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.Equal("enum-values", f.Check);
            Assert.Equal("ltt_test:enums", f.EventName);
            Assert.Contains("'event.fields._state' = 7", f.Message);
        });
    }

    [Fact]
    public void CatalogThatAgreesWithTheMetadataPasses()
    {
        var catalog = Catalog(FieldLayout.Integer("seq", 4, signed: false, alignment: 1));
        using var traces = TraceSet.Open(Lttng("ust-discard")).Traces!;

        var findings = CatalogComparison.Compare(traces.Traces[0].Trace, catalog).Where(f => f.EventName == "ltt_test:small" || f.Message.Contains("ltt_test:small")).ToList();

        Assert.Empty(findings);
    }

    [Fact]
    public void CatalogWithAShorterFieldIsCaughtWithBothSizes()
    {
        var catalog = Catalog(FieldLayout.Integer("seq", 2, signed: true, alignment: 1));
        using var traces = TraceSet.Open(Lttng("ust-discard")).Traces!;

        var messages = CatalogComparison.Compare(traces.Traces[0].Trace, catalog).Where(f => f.EventName == "ltt_test:small").Select(f => f.Message).ToList();

        Assert.Contains("field 'seq': events.json says 16 bits, the metadata says 32 bits", messages);
        Assert.Contains("field 'seq': events.json says signed, the metadata says unsigned", messages);
    }

    private static EventCatalog Catalog(FieldLayout field)
    {
        using var traces = TraceSet.Open(Lttng("ust-discard")).Traces!;
        long id = traces.Traces[0].Trace.AllEvents.Single(e => e.Name == "ltt_test:small").Id;
        return new EventCatalog("x86_64", 8, ByteOrder.LittleEndian, [new EventLayout((int)id, "ltt_test:small", "ust", [field])]);
    }
}
