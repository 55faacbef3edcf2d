using Ltt.Probes.Ids;
using Ltt.Probes.Plan;
using Ltt.Probes.Spec;
using Ltt.Trace.Layout;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests;

public sealed class ProbePlannerTests
{
    private static ProbePlan Plan(string spec, params TracepointSite[] sites)
    {
        var parsed = ProbeSpecParser.Parse(spec, "ltt/probes.spec");
        Assert.Empty(parsed.Diagnostics);
        return ProbePlanner.Plan(SampleScan.Result(sites.Length == 0 ? [SampleScan.SchedSwitch] : sites), parsed.Spec, EventIdMap.Empty, TargetAbi.X86_64);
    }

    [Fact]
    public void TheThreadsSchedSwitchProbe()
    {
        var plan = Plan(GenerateFixture.Spec);

        var e = Assert.Single(plan.Events);
        Assert.Equal(("kernel", "sched_schedule"), (e.Channel, e.Marker));
        Assert.Equal("prev_pid %d next_pid %d prev_state #2d%ld", e.FormatText);
        Assert.Equal([0, 4, 8], e.Layout.Fields.Select(f => f.Offset));
        Assert.Equal(10, e.FixedSize);
        Assert.Equal(4, e.LargestAlignment);
        Assert.True(e.Layout.Fields[2] is { Size: 2, Signed: true, CType: "volatile long" });
    }

    [Fact]
    public void TheFormatStringParsesBackToTheLayout()
    {
        var plan = Plan(GenerateFixture.Spec, SampleScan.SchedSwitch, SampleScan.SchedMigrateTask, SampleScan.IrqHandlerEntry, SampleScan.SchedProcessWait);

        foreach (var e in plan.Events)
        {
            var parsed = MarkerFormat.Parse(e.FormatText);
            Assert.Equal(e.Format, parsed);
            Assert.Equal(e.Layout.Fields.Count, parsed.Fields.Count);
            foreach (var (marker, field) in parsed.Fields.Zip(e.Layout.Fields))
            {
                Assert.Equal(marker.Name, field.Name);
                if (marker.IsString)
                {
                    Assert.Equal(FieldKind.String, field.Kind);
                    continue;
                }
                Assert.Equal(marker.RecordedSize(TargetAbi.X86_64), field.Size);
                Assert.Equal(marker.RecordedSigned, field.Signed);
                Assert.Equal(marker.RecordedAlignment(TargetAbi.X86_64, packed: false), field.Alignment);
            }
        }
    }

    [Fact]
    public void DefaultsRecordScalarsStringsAndWellKnownMembers()
    {
        var plan = Plan("", SampleScan.SchedMigrateTask, SampleScan.IrqHandlerEntry, SampleScan.SchedSwitch);

        Assert.Equal("p_pid %d orig_cpu %d dest_cpu %d", plan.Events.Single(e => e.Name == "sched_migrate_task").FormatText);
        Assert.Equal("irq %d name %s", plan.Events.Single(e => e.Name == "irq_handler_entry").FormatText);
        // struct rq is known to record nothing; task_struct records its pid.
        Assert.Equal("prev_pid %d next_pid %d", plan.Events.Single(e => e.Name == "sched_switch").FormatText);
    }

    [Theory]
    [InlineData("sched_switch: prev->pidd", "struct task_struct has no member 'pidd'")]
    [InlineData("sched_switch: prevv->pid", "sched_switch has no argument 'prevv'")]
    [InlineData("sched_switch: prev->comm as #2d", "'prev->comm' is a string: it cannot be recorded as #2d")]
    [InlineData("sched_switch: prev->stack as #2u", "'prev->stack' is a pointer: it can only be recorded as an unsigned integer of 4 or 8 bytes, not #2u")]
    [InlineData("sched_switch: prev", "") ]
    [InlineData("sched_switch: rq->nr_running", "struct rq is not defined where sched_switch is declared")]
    [InlineData("sched_switch: prev->pid->x", "'prev->pid' is a pid_t, not a pointer to a struct")]
    public void SpecMistakesAreErrorsAtTheSpecLine(string spec, string message)
    {
        var plan = Plan("\n" + spec);

        if (message.Length == 0)
        {
            // A pointer to a struct named whole records its value.
            Assert.Equal("prev %p", Assert.Single(plan.Events).FormatText);
            return;
        }
        var error = Assert.Single(plan.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new SourceLocation("ltt/probes.spec", 2), error.Location);
        Assert.Contains(message, error.Message);
        Assert.Empty(plan.Events);
    }

    [Fact]
    public void ANameUsedTwiceIsAnError()
    {
        var plan = Plan("sched_switch -> kernel.x:\nsched_process_wait -> kernel.x:", SampleScan.SchedSwitch, SampleScan.SchedProcessWait);

        Assert.Contains(plan.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("marker kernel.x is used by"));
    }

    [Fact]
    public void AnEntryForAMissingTracepointIsAnError()
    {
        var plan = Plan("sched_swtich: prev->pid");

        var error = Assert.Single(plan.Diagnostics);
        Assert.Contains("no tracepoint named sched_swtich", error.Message);
    }
}
