using System.Text.Json;
using Ltt.Testing;
using Ltt.Tracepoints.Json;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Tests.Scanning;

/// <summary>
/// The scan of fixtures/tree (see its README), checked against layouts worked out by hand from the
/// C rules for x86_64: the kernel's trace_entry header, then each field at its natural alignment.
/// </summary>
public sealed class FixtureTreeTests : IClassFixture<FixtureTreeTests.Scanned>
{
    private readonly ScanResult _result;

    public FixtureTreeTests(Scanned scanned) => _result = scanned.Result;

    /// <summary>One scan shared by the tests of this class.</summary>
    public sealed class Scanned
    {
        public ScanResult Result { get; } = TracepointScanner.Scan(new ScanOptions
        {
            Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "tree"),
        });
    }

    private TracepointSite Site(string name) => Assert.Single(_result.Sites, s => s.Name == name);

    [Fact]
    public void FindsEverySiteKindAndResolvesThemAll()
    {
        Assert.Empty(_result.Unresolved);
        Assert.DoesNotContain(_result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(
            [
                ("demo_cond", SiteKind.TraceEventCondition), ("demo_dev_io", SiteKind.TraceEvent),
                ("demo_extra", SiteKind.TraceEventFn), ("demo_old_switch", SiteKind.DeclareTrace),
                ("demo_old_tick", SiteKind.DeclareTraceCondition), ("demo_sleep", SiteKind.DefineEventPrint),
                ("demo_switch", SiteKind.TraceEvent), ("demo_template", SiteKind.DeclareEventClass),
                ("demo_wait", SiteKind.DefineEvent), ("demofs_lookup", SiteKind.TraceEvent),
            ],
            _result.Sites.Select(s => (s.Name, s.Kind)).OrderBy(p => p.Name));
    }

    [Fact]
    public void CountsTheSitesOfEachMacroInATable()
    {
        // demo_extra is under CONFIG_DEMO_EXTRA, which the fixture's missing configuration leaves unset: forced.
        var counts = _result.CountsPerMacro();

        Assert.Equal(
            [
                "macro                     resolved  forced  unresolved  left out",
                "DECLARE_EVENT_CLASS              1       0           0         0",
                "DECLARE_TRACE                    1       0           0         0",
                "DECLARE_TRACE_CONDITION          1       0           0         0",
                "DEFINE_EVENT                     1       0           0         0",
                "DEFINE_EVENT_PRINT               1       0           0         0",
                "TRACE_EVENT                      3       0           0         0",
                "TRACE_EVENT_CONDITION            1       0           0         0",
                "TRACE_EVENT_FN                   1       1           0         0",
                "total                           10       1           0         0",
            ],
            MacroCount.Table(counts));
    }

    [Fact]
    public void LaysOutTheRecordAsTheKernelDoes()
    {
        var fields = Site("demo_switch").Fields.Select(f => (f.Name, f.TypeSpelling, f.Offset, f.Size, f.IsSigned)).ToList();
        Assert.Equal(
            [
                ("common_type", "unsigned short", 0L, 2L, false),
                ("common_flags", "unsigned char", 2, 1, false),
                ("common_preempt_count", "unsigned char", 3, 1, false),
                ("common_pid", "int", 4, 4, true),
                ("prev_comm", "char[16]", 8, 16, true),
                ("prev_pid", "pid_t", 24, 4, true),
                ("prev_state", "long", 32, 8, true),
                ("preempt", "u8", 40, 1, false),
                ("next_comm", "__data_loc char[]", 44, 4, true),
                ("cpus", "__data_loc u32[]", 48, 4, false),
                ("mask", "__data_loc unsigned long[]", 52, 4, false),
                ("addr", "u8[28]", 56, 28, false),
            ],
            fields);
        var addr = Site("demo_switch").Fields.Single(f => f.Name == "addr");
        Assert.Equal(28, addr.ArrayLength);
        Assert.Equal("__array", addr.Macro);
        var cpus = Site("demo_switch").Fields.Single(f => f.Name == "cpus");
        Assert.True(cpus.IsDataLoc);
        Assert.Equal("unsigned int", cpus.Type.Canonical);
    }

    [Fact]
    public void LaysOutForTheTargetArchitecture()
    {
        ScanResult i386 = TracepointScanner.Scan(new ScanOptions
        {
            Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "tree"),
            Paths = ["include/trace/events/demo.h"],
            Arch = "i386",
        });
        TracepointSite sw = i386.Sites.Single(s => s.Name == "demo_switch");

        Assert.Equal([("prev_pid", 24L, 4L), ("prev_state", 28L, 4L), ("preempt", 32L, 1L)],
            sw.Fields.Skip(5).Take(3).Select(f => (f.Name, f.Offset, f.Size)));
        Assert.Equal(4, sw.Args[1].Type.Size);
    }

    [Fact]
    public void DefineEventTakesItsClassLayoutAndItsOwnPrint()
    {
        TracepointSite wait = Site("demo_wait"), sleep = Site("demo_sleep");
        Assert.Equal("demo_template", wait.Class);
        Assert.Equal(Site("demo_template").Fields, wait.Fields);
        Assert.Equal(("level", 8L), (wait.Fields[4].Name, wait.Fields[4].Offset));
        Assert.Equal(("delay", 16L), (wait.Fields[5].Name, wait.Fields[5].Offset));
        Assert.Equal(("where", 24L, 28L, false), (wait.Fields[6].Name, wait.Fields[6].Offset, wait.Fields[6].Size, wait.Fields[6].IsSigned));
        Assert.Equal("delay=%llu", wait.PrintFormat);
        Assert.Equal("slept %llu", sleep.PrintFormat);
        Assert.Equal("__entry->delay", sleep.PrintArgs);
    }

    [Fact]
    public void ExpandsStructArgumentsOneLevel()
    {
        TracepointSite site = Site("demo_old_switch");
        Assert.Equal("include/trace/demo_old.h", site.Location.File);
        Assert.Equal(7, site.Location.Line);
        TracepointArg prev = site.Args[0];
        Assert.Equal(("prev", CTypeKind.Pointer, 8L), (prev.Name, prev.Type.Kind, prev.Type.Size));
        CType task = prev.Type.Element!;
        Assert.Equal(CTypeKind.Struct, task.Kind);
        var members = task.Members.ToDictionary(m => m.Name);
        Assert.Equal(12, members["pid"].Offset);
        Assert.True(members["pid"].Type.IsSigned);
        Assert.Equal(16, members["utime"].Offset);          // lifted out of the anonymous union
        Assert.Equal(16, members["utime_parts"].Offset);
        Assert.Equal((24L, 192L, 3), (members["flags"].Offset, members["flags"].BitOffset!.Value, members["flags"].BitWidth!.Value));
        Assert.Equal((195L, 1), (members["in_iowait"].BitOffset!.Value, members["in_iowait"].BitWidth!.Value));
        Assert.Equal((25L, 16L), (members["comm"].Offset, members["comm"].Type.ArrayLength!.Value)); // right after the bit-fields' last byte
        Assert.Equal(48, members["parent"].Offset);
        Assert.Empty(members["parent"].Type.Element!.Members); // not followed further
        Assert.Equal(("unsigned long", false), (Site("demo_old_tick").Args[0].Type.Canonical, Site("demo_old_tick").Args[0].Type.IsSigned));
    }

    [Fact]
    public void RecordsTheConfigGuardAndResolvesWhatTheConfigLeavesOut()
    {
        Assert.Equal("CONFIG_DEMO_EXTRA", Site("demo_extra").Guard);
        Assert.Equal(["CONFIG_DEMO_EXTRA"], Site("demo_extra").ForcedConfig);
        Assert.Empty(Site("demo_switch").ForcedConfig);
        Assert.Null(Site("demo_switch").Guard);
        Assert.Contains(_result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("CONFIG_DEMO_EXTRA=y forced"));
    }

    [Fact]
    public void ParsesANonStandaloneHeaderInTheContextOfItsCFile()
    {
        TracepointSite io = Site("demo_dev_io");
        Assert.Equal("drivers/demo/demo_trace.h", io.Location.File);
        Assert.Equal("demo_drv", io.System);
        var dev = io.Fields.Single(f => f.Name == "dev");
        Assert.Equal((8L, 24L), (dev.Offset, dev.Size));
        Assert.Equal(32, io.Fields.Single(f => f.Name == "len").Offset);
    }

    [Fact]
    public void FindsTheInstantiatingFileThroughAPrivateHeaderEvenOutsideTheScannedPaths()
    {
        ScanResult only = TracepointScanner.Scan(new ScanOptions
        {
            Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "tree"),
            Paths = ["include/trace/events/demofs.h"],
        });

        Assert.Empty(only.Unresolved);
        TracepointSite lookup = Assert.Single(only.Sites);
        Assert.Equal(
            [("fid", 8L, 16L, "struct demofs_fid"), ("name", 24L, 4L, "__data_loc char[]")],
            lookup.Fields.Skip(4).Select(f => (f.Name, f.Offset, f.Size, f.TypeSpelling)));
        Assert.Equal(Site("demofs_lookup").Fields, lookup.Fields);
    }

    [Fact]
    public void FindsMarkersWithParsedFormats()
    {
        Assert.Equal(
            [
                ("demo", "io", MarkerSiteKind.TraceMark, "id %d len %d"),
                ("kernel", "demo_switch", MarkerSiteKind.DefineMarkerTp, "prev_pid %d next_pid %d prev_state #2d%ld"),
                ("kernel", "demo_tick", MarkerSiteKind.TraceMark, "jiffies %lu cpu %d"),
                ("kernel", "demo_tick", MarkerSiteKind.DefineMarker, "jiffies %lu cpu %d"),
            ],
            _result.Markers.Select(m => (m.Channel, m.Name, m.Kind, m.FormatText)).Order());
        MarkerSite tp = _result.Markers.Single(m => m.Kind == MarkerSiteKind.DefineMarkerTp);
        Assert.Equal(("demo_old_switch", "probe_demo_switch"), (tp.Tracepoint, tp.Probe));
        Assert.Equal(3, tp.Format.Fields.Count);
    }

    [Fact]
    public void WritesTheJsonModel()
    {
        using JsonDocument doc = JsonDocument.Parse(ScanJsonWriter.ToJson(_result));
        JsonElement root = doc.RootElement;
        Assert.Equal(10, root.GetProperty("events").GetArrayLength());
        JsonElement sw = root.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "demo_switch");
        Assert.Equal("TRACE_EVENT", sw.GetProperty("macro").GetString());
        Assert.Equal("include/trace/events/demo.h", sw.GetProperty("header").GetString());
        Assert.Equal(10, sw.GetProperty("line").GetInt32());
        JsonElement arg = sw.GetProperty("args")[1];
        Assert.Equal(("prev", "struct task_struct *", 8, false),
            (arg.GetProperty("name").GetString(), arg.GetProperty("type").GetString(), arg.GetProperty("size").GetInt32(), arg.GetProperty("signed").GetBoolean()));
        JsonElement comm = sw.GetProperty("fields")[4];
        Assert.Equal(("prev_comm", "char[16]", 8, 16, true),
            (comm.GetProperty("name").GetString(), comm.GetProperty("type").GetString(), comm.GetProperty("offset").GetInt32(),
             comm.GetProperty("size").GetInt32(), comm.GetProperty("signed").GetBoolean()));
        Assert.Equal(4, root.GetProperty("markers").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("diagnostics").ValueKind);
        Assert.Equal(ScanJsonWriter.ToJson(_result), ScanJsonWriter.ToJson(TracepointScanner.Scan(new ScanOptions
        {
            Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "tree"),
            Parallelism = 1,
        })));
    }
}
