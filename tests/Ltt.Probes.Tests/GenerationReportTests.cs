using Ltt.Probes.Generation;
using Ltt.Probes.Plan;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests;

/// <summary>The summary of a generation: counts by cause and folder that add up to the entries report.txt lists.</summary>
public sealed class GenerationReportTests
{
    [Fact]
    public void TheSummaryCountsByCauseWithTheLargestInstancesAndTheReportListsEveryEntry()
    {
        var unrecorded = new List<UnrecordedField>();
        void Add(UnrecordedCause cause, string detail, int count, string file = "fs/nfs/nfstrace.h")
        {
            for (int i = 0; i < count; i++)
            {
                var at = new SourceLocation(file, 100 + unrecorded.Count);
                var why = new Unrecordable(cause, detail, $"because of {detail}");
                unrecorded.Add(new UnrecordedField("ev" + unrecorded.Count, "f", at, why, new ScanDiagnostic(DiagnosticSeverity.Warning, at, why.Message)));
            }
        }
        Add(UnrecordedCause.FastAssignLocal, "nfsi", 5);
        Add(UnrecordedCause.FastAssignLocal, "inode", 2);
        Add(UnrecordedCause.FastAssignLocal, "vbuf", 1);
        Add(UnrecordedCause.FastAssignLocal, "p", 1);
        Add(UnrecordedCause.Conditional, "'if'", 3);
        var skipped = new List<UnresolvedSite>
        {
            new("TRACE_EVENT", "a", new SourceLocation("fs/xfs/xfs_trace.h", 10), "the prototype does not compile"),
            new("TRACE_EVENT", "b", new SourceLocation("fs/xfs/xfs_trace.h", 20), "the prototype does not compile"),
            new("TRACE_EVENT", "c", new SourceLocation("sound/core/pcm_trace.h", 5), "unknown type name 'snd_pcm_uframes_t'"),
        };
        var leftOut = new List<LeftOutHeader> { new("arch/s390/kvm/trace.h", "arch/s390/", "another architecture's build", 40) };

        var report = new GenerationReport(10, 2, leftOut, skipped, [], unrecorded, [], [])
        {
            PerMacro = [new MacroCount("TRACE_EVENT", 10, 1, 3, 40)],
        };
        var summary = report.Summary();

        Assert.True(report.HasSkipped);
        Assert.Equal(
        [
            "left out: 1 headers (40 sites) that this architecture's build never compiles: arch/s390/ 1",
            "skipped: 3 sites do not resolve, in 2 fs/xfs/, 1 sound/core/",
            "        2  the prototype does not compile",
            "        1  unknown type name 'snd_pcm_uframes_t'",
            "not recorded: 12 fields, by cause:",
            "        9  uses a TP_fast_assign local (5 nfsi, 2 inode, 1 p, 1 more)",
            "        3  set inside an if, switch, loop or block (3 'if')",
        ], summary);
        string text = report.Text();
        Assert.Contains("fs/xfs/xfs_trace.h:20: TRACE_EVENT(b): the prototype does not compile", text);
        Assert.Equal(12, text.Split('\n').Count(l => l.StartsWith("fs/nfs/nfstrace.h:", StringComparison.Ordinal)));
        Assert.Contains("Not recorded: uses a TP_fast_assign local (9)", text);
        Assert.Contains("""

            Sites per macro
            macro                     resolved  forced  unresolved  left out
            TRACE_EVENT                     10       1           3        40
            total                           10       1           3        40

            """, text);
    }

    [Fact]
    public void NothingSkippedIsNoSkip()
    {
        var report = new GenerationReport(1, 1, [], [], [], [], [], []);

        Assert.False(report.HasSkipped);
        Assert.Empty(report.Summary());
    }
}
