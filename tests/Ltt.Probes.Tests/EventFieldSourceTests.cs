using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Plan;
using Ltt.Probes.Spec;
using Ltt.Testing;
using Ltt.Trace.Layout;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests;

/// <summary>Where TRACE_EVENT fields come from: the spec, then TP_fast_assign, then the argument of the same name.</summary>
public sealed class EventFieldSourceTests
{
    private static TracepointSite WithAssign(TracepointSite site, string assign, string entry = "") =>
        site with
        {
            Assign = SourceText.Parse(assign, new SourceLocation(site.Location.File, site.Location.Line + 10)),
            Entry = SourceText.Parse(entry, new SourceLocation(site.Location.File, site.Location.Line + 5)),
        };

    private static ProbeEvent PlanOne(TracepointSite site, string spec, out List<ScanDiagnostic> diagnostics)
    {
        var parsed = ProbeSpecParser.Parse(spec, "ltt/probes.spec");
        var plan = ProbePlanner.Plan(SampleScan.Result(site), parsed.Spec, EventIdMap.Empty, TargetAbi.X86_64);
        diagnostics = plan.Diagnostics.ToList();
        return Assert.Single(plan.Events);
    }

    [Fact]
    public void TpFastAssignWinsOverTheArgumentOfTheSameNameAndTheSpecOverBoth()
    {
        // irq comes from "name"'s length here, not from the argument irq.
        var site = WithAssign(SampleScan.IrqHandlerEntry, "__entry->irq = irq + 1;\n__assign_str(name, name);");

        var fromAssign = PlanOne(site, "", out var diagnostics);
        Assert.Empty(diagnostics);
        var irq = fromAssign.Values[0];
        Assert.NotNull(irq.Code);
        Assert.Equal(["int ltt_irq"], irq.Code.Locals);
        Assert.Equal(["ltt_irq = irq + 1;"], irq.Code.Statements);
        Assert.Equal(new SourceLocation("include/trace/irq.h", 22), irq.Code.Source.Location);
        Assert.Null(fromAssign.Values[1].Code);
        Assert.Equal("name", fromAssign.Values[1].Expression);

        var fromSpec = PlanOne(site, "irq_handler_entry: irq = irq", out diagnostics);
        Assert.Empty(diagnostics);
        Assert.Null(fromSpec.Values[0].Code);
        Assert.Equal("irq", fromSpec.Values[0].Expression);
    }

    [Fact]
    public void AnIfThatOnlyChoosesValuesAndTheVariablesTpFastAssignSetsRunInTheProbe()
    {
        var site = WithAssign(SampleScan.IrqHandlerEntry,
            "int twice = irq * 2;\n\ndo {\n\tif (twice > 4)\n\t\t__entry->irq = twice;\n\telse\n\t\t__entry->irq = -1;\n} while (0);\n__assign_str(name, name);");

        var e = PlanOne(site, "", out var diagnostics);

        Assert.Empty(diagnostics);
        var irq = e.Values[0].Code!;
        Assert.Equal(["int twice", "int ltt_irq"], irq.Locals);
        Assert.Equal(["twice = irq * 2;", "memset(&ltt_irq, 0, sizeof(ltt_irq));", "if (twice > 4)\n\tltt_irq = twice;\nelse\n\tltt_irq = -1;"], irq.Statements);
        Assert.Equal("ltt_irq", irq.Value);
        Assert.Equal(new SourceLocation("include/trace/irq.h", 25), irq.Source.Location);
    }

    [Fact]
    public void AValuePathUnderTheEntrysOwnCastIsResolvedInCSharp()
    {
        var site = WithAssign(SampleScan.IrqHandlerEntry, "__entry->irq = (int)(irq);\n__assign_str(name, name);");
        var e = PlanOne(site, "", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.All(e.Values, v => Assert.Null(v.Code));
    }

    [Fact]
    public void AStatementThePlannerCannotPlaceIsAWarningAtItsLine()
    {
        var site = WithAssign(SampleScan.IrqHandlerEntry, "if (irq)\n\t__entry->irq |= irq;\n__assign_str(name, name);");
        var e = PlanOne(site, "", out var diagnostics);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(new SourceLocation("include/trace/irq.h", 22), warning.Location);
        Assert.Contains("field 'irq' not recorded: set inside an 'if' statement", warning.Message);
        Assert.Equal(["name"], e.Values.Select(v => v.Name));
    }

    [Fact]
    public void KernelTreeRecordsEveryFieldButTheWholeStructCopies()
    {
        var output = ProbeGenerator.Generate(new ScanOptions { Tree = RepoPaths.KernelTree }, GenerateFixture.Options);
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics));

        // What stays unrecorded, and why: two __field_struct copies (no marker syntax for a
        // struct) and a DECLARE_TRACE argument passed by value as a struct.
        var notRecorded = output.Diagnostics.Where(d => d.Message.Contains(" not recorded", StringComparison.Ordinal))
            .Select(d => d.Message[..d.Message.IndexOf(" not recorded", StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["jbd2_run_stats: field 'stats'", "kvm_mmio_fragment: field 'frag'", "mm_swap_in: argument 'entry'"], notRecorded);

        var events = output.Plan!.Events.ToDictionary(e => e.Name);
        Assert.Equal("dev %u sector %llu nr_sector %u errors %d rwbs %s cmd #1d[] %hhd", events["block_rq_timeout"].FormatText);
        Assert.Equal("irq %u cpus #8u[] %lu", events["irq_affinity_set"].FormatText);
        Assert.Equal("devname %s uuid #1u[16] %hhu tail_sequence %u", events["jbd2_journal_devname"].FormatText);
        Assert.Equal("id %ld args #8u[6] %lu", events["sys_enter"].FormatText);

        var cmd = events["block_rq_timeout"].Layout.Fields.TakeLast(2).ToList();
        Assert.True(cmd[0] is { Name: "_cmd_length", Kind: FieldKind.Integer, Size: 4, Alignment: 4, Signed: false });
        Assert.True(cmd[1] is { Name: "cmd", Kind: FieldKind.Sequence, LengthField: "_cmd_length", Element: { Size: 1, Signed: true } });
        var args = events["sys_enter"].Layout.Fields[1];
        Assert.True(args is { Kind: FieldKind.Array, Length: 6, Offset: 8, Element.Size: 8 });
        Assert.Equal(56, events["sys_enter"].FixedSize);

        // The format string parses back to what the layout says, arrays and sequences included.
        foreach (var e in output.Plan.Events)
        {
            var parsed = MarkerFormat.Parse(e.FormatText);
            Assert.Equal(e.Values.Select(v => v.Name), parsed.Fields.Select(f => f.Name));
            Assert.Equal(e.Values.Select(v => v.Layout.Kind == FieldKind.Sequence), parsed.Fields.Select(f => f.IsSequence));
        }
    }

    [Fact]
    public void ADefineEventReadsItsClasssCodeWithItsOwnArgumentNames()
    {
        var output = ProbeGenerator.Generate(new ScanOptions { Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "bodies") }, GenerateFixture.Options);
        var events = output.Plan!.Events.ToDictionary(e => e.Name);

        // vol_op's "__entry->count = count" is vol_grow's "blocks", its "v->id" is "volume->id".
        // The uuid the wrapper copies is not seen: it falls back to the member of the same name.
        Assert.Equal(["uuid", "id", "count"], events["vol_grow"].Values.Select(v => v.Name));
        Assert.Equal(["volume->uuid", "volume->id", "blocks"], events["vol_grow"].Values.Select(v => v.Expression));
        // VOL_NONE is #undef'd at the end of the header, where a probe cannot see it: the scanner
        // expands it in the class body, so the probe computes the string as TP_fast_assign does.
        Assert.DoesNotContain(output.Diagnostics, d => d.Message.Contains("vol_name: field 'name' not recorded", StringComparison.Ordinal));
        Assert.Equal(["ltt_name = (const char *)(name ? name : \"(none)\");"], events["vol_name"].Values.Single().Code!.Statements);
    }

    [Fact]
    public void FieldsSetByAnotherHeadersStatementMacroAreRecorded()
    {
        // wlan_up's TP_fast_assign is WLAN_ASSIGN(w), a do { } while (0) macro of include/linux/wlan.h.
        var output = ProbeGenerator.Generate(new ScanOptions { Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "bodies") }, GenerateFixture.Options);

        var up = output.Plan!.Events.Single(e => e.Name == "wlan_up");
        Assert.Equal(["wiphy", "idx", "reason"], up.Values.Select(v => v.Name));
        Assert.Equal("wiphy %s idx %d reason %d", up.FormatText);
        Assert.DoesNotContain(output.Diagnostics, d => d.Message.StartsWith("wlan_up:", StringComparison.Ordinal));
    }

    [Fact]
    public void ACallTheHeaderDoesNotDeclareIsAWarningUntilTheSpecGivesTheModuleItsHeader()
    {
        var scan = TracepointScanner.Scan(new ScanOptions { Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "bodies") });
        ProbePlan Plan(string spec) => ProbePlanner.Plan(scan, ProbeSpecParser.Parse(spec, "ltt/probes.spec").Spec, EventIdMap.Empty, TargetAbi.X86_64);

        var alone = Plan("");
        Assert.Contains(alone.Diagnostics, d => d.Message.StartsWith("vol_slot: field 'slot' not recorded: TP_fast_assign calls vol_slot()", StringComparison.Ordinal));
        Assert.Equal(["gen"], alone.Events.Single(e => e.Name == "vol_slot").Values.Select(v => v.Name));

        var withHeader = Plan("include vol drivers/vol/vol.h");
        Assert.DoesNotContain(withHeader.Diagnostics, d => d.Message.Contains("vol_slot()", StringComparison.Ordinal));
        var slot = withHeader.Events.Single(e => e.Name == "vol_slot").Values[0];
        Assert.Equal(["ltt_slot = vol_slot(v);"], slot.Code!.Statements);
    }
}
