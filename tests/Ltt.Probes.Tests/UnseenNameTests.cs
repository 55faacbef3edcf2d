using Ltt.Probes.Ids;
using Ltt.Probes.Plan;
using Ltt.Probes.Spec;
using Ltt.Testing;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints;

namespace Ltt.Probes.Tests;

/// <summary>
/// TP_fast_assign code using names a probe including the trace header alone cannot see
/// (fixtures/unseen, see its README): the field is left out with a warning naming the line
/// and the name; the fields the header alone compiles are recorded.
/// </summary>
public sealed class UnseenNameTests
{
    private static readonly string Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "unseen");

    [Fact]
    public void AConstantAMacroAndAnExpansionOnlyTheCFileDefinesLeaveTheirFieldsOut()
    {
        var scan = TracepointScanner.Scan(new ScanOptions { Tree = Tree });
        Assert.False(scan.HasErrors, string.Join("\n", scan.Diagnostics));
        var site = Assert.Single(scan.Sites);
        Assert.Equal(
            new Dictionary<string, string> { ["DISK_SECTOR_SHIFT"] = "DISK_SECTOR_SHIFT", ["DISK_ZONE_SHIFT"] = "DISK_ZONE_SHIFT", ["disk_to_pfn"] = "disk_map" },
            site.UnseenNames);

        var plan = ProbePlanner.Plan(scan, ProbeSpecParser.Parse("", "ltt/probes.spec").Spec, EventIdMap.Empty, TargetAbi.X86_64);
        var warnings = plan.Diagnostics.Select(d => $"{d.Location.Line}: {d.Message}").ToList();
        Assert.Contains(warnings, w => w.StartsWith("29: disk_io: field 'bytes' not recorded: TP_fast_assign uses DISK_SECTOR_SHIFT which include/trace/events/disk.h does not declare", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("30: disk_io: field 'zone' not recorded: TP_fast_assign uses DISK_ZONE_SHIFT which", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("31: disk_io: field 'pfn' not recorded: TP_fast_assign uses disk_to_pfn, whose expansion reaches disk_map, which", StringComparison.Ordinal));
        Assert.Equal(3, warnings.Count(w => w.Contains("not recorded", StringComparison.Ordinal)));
        Assert.Equal(["sector", "write", "queue", "flags", "first"], Assert.Single(plan.Events).Values.Select(v => v.Name));

        // The module's own header (named in the spec) declares them: nothing is left out.
        var trusted = ProbePlanner.Plan(scan, ProbeSpecParser.Parse("include disk drivers/disk/disk.h", "ltt/probes.spec").Spec, EventIdMap.Empty, TargetAbi.X86_64);
        Assert.Equal(["sector", "bytes", "zone", "pfn", "write", "queue", "flags", "first"], Assert.Single(trusted.Events).Values.Select(v => v.Name));
    }
}
