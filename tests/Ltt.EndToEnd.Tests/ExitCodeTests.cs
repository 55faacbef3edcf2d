using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// The exit-code rule of every command, as README states it: 0 success, 1 a check failed, 2 bad
/// input or usage. One test per command runs it on a success, on a failed check (where the
/// command has a check) and on a bad input, through the same runner as the installed tool.
/// Slow cases live in their own tests, named here: <c>ci</c>'s success and mismatch in
/// CiRunTests, <c>record</c>'s full disk in Ltt.Trace.Tests' DiskFullTests.
/// </summary>
public sealed class ExitCodeTests(SplitFixture fixture) : IClassFixture<SplitFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ltt-exit-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    // The spec of kernel-tree names tracepoints of these two headers: a scan of them alone is quick and complete for it.
    private static readonly string[] Paths = ["-p", "include/trace/sched.h", "-p", "include/trace/irq.h"];
    private static readonly string UnknownType = RepoPaths.TestData("Ltt.Tracepoints.Tests", "bad", "unknown-type");
    private static readonly string MarkerConflict = RepoPaths.TestData("Ltt.Tracepoints.Tests", "bad", "marker-conflict");
    private static readonly string GoodTrace = RepoPaths.TestData("data", "ctf-traces", "succeed", "big-endian-no-clock", "trace");
    private static readonly string DamagedTrace = RepoPaths.TestData("data", "ctf-traces", "fail", "bad-magic", "trace");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Empty(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    private static void Exit(int expected, (int ExitCode, string Output, string Error) run, string what)
    {
        Assert.True(run.ExitCode == expected, $"{what}: exit {run.ExitCode}, expected {expected}\n{run.Output}{run.Error}");
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Gen_scan()
    {
        Exit(0, Cli.Gen(["scan", RepoPaths.KernelTree, .. Paths]), "scan of resolving sites");
        Exit(1, Cli.Gen("scan", UnknownType), "scan with unresolved sites");
        Exit(2, Cli.Gen("scan", Empty("empty")), "scan of a folder without sites");
        Exit(2, Cli.Gen("scan", RepoPaths.KernelTree, "-a", "arm64"), "scan for an architecture the tree has no headers for");
    }

    [Fact]
    public void Gen_probes()
    {
        Exit(0, Cli.Gen(["probes", RepoPaths.KernelTree, .. Paths, "-o", Path.Combine(_dir, "out")]), "probes");
        Exit(1, Cli.Gen("probes", UnknownType, "-o", Path.Combine(_dir, "skipped")), "probes of a tree with sites that do not resolve");
        Assert.True(File.Exists(Path.Combine(_dir, "skipped", "probes", "Kbuild")), "the sites that resolve are written");
        Exit(2, Cli.Gen("probes", Empty("empty"), "-o", Path.Combine(_dir, "out2")), "probes of a folder without tracepoints");
        Exit(2, Cli.Gen("probes", RepoPaths.KernelTree, "-o", RepoPaths.KernelTree), "probes over the tree");
    }

    [Fact]
    public void Gen_check()
    {
        string output = Path.Combine(_dir, "out");
        Exit(0, Cli.Gen(["probes", RepoPaths.KernelTree, .. Paths, "-o", output]), "probes");
        Exit(0, Cli.Gen(["check", RepoPaths.KernelTree, .. Paths, "-o", output]), "check of a fresh output");
        File.AppendAllText(Path.Combine(output, "metadata", "markers"), "\n");
        Exit(1, Cli.Gen(["check", RepoPaths.KernelTree, .. Paths, "-o", output]), "check of a drifted output");
        Exit(2, Cli.Gen("check", RepoPaths.KernelTree, "-o", Path.Combine(_dir, "missing")), "check of a missing folder");
    }

    [Fact]
    public void Gen_markers()
    {
        Exit(0, Cli.Gen(["markers", RepoPaths.KernelTree, .. Paths]), "markers");
        var conflict = Cli.Gen("markers", MarkerConflict);
        Exit(1, conflict, "markers with a name used with two formats");
        Assert.Contains(" conflicts", conflict.Output);
        Exit(2, Cli.Gen("markers", Path.Combine(_dir, "missing")), "markers of a missing tree");
    }

    [Fact]
    public void Gen_diff()
    {
        string output = Path.Combine(_dir, "out");
        Exit(0, Cli.Gen(["probes", RepoPaths.KernelTree, .. Paths, "-o", output]), "probes");
        string json = Path.Combine(output, "metadata", "events.json");
        string other = Path.Combine(_dir, "other.json");
        File.WriteAllText(other, File.ReadAllText(json).Replace("\"sched_switch\"", "\"sched_switch2\""));
        Exit(0, Cli.Gen("diff", json, json), "diff of one file with itself");
        Exit(1, Cli.Gen("diff", json, other), "diff of changed events");
        var missing = Cli.Gen("diff", json, Path.Combine(_dir, "events.json"));
        Exit(2, missing, "diff with a missing file");
        Assert.Equal($"ltt-gen diff: {Path.Combine(_dir, "events.json")}: no such file\n", missing.Error);
        File.WriteAllText(other, "[]");
        var wrong = Cli.Gen("diff", json, other);
        Exit(2, wrong, "diff with a file that is not events.json");
        Assert.Equal($"ltt-gen diff: {other}:1: not an events.json: expected an object with arch, pointerSize, byteOrder and events\n", wrong.Error);
    }

    [Fact]
    public void Split_route()
    {
        Exit(0, Cli.Split("route", fixture.Patches, "--tree", fixture.Tree), "route");
        // route has no check: it only reports recipients.
        Exit(2, Cli.Split("route", Path.Combine(_dir, "missing.patch"), "--tree", fixture.Tree), "route of a missing patch");
    }

    [Fact]
    public void Split_series()
    {
        Exit(0, Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "--dry-run"), "series --dry-run");
        string applied = Path.Combine(_dir, "applied");
        SplitFixture.GitIn(_dir, "clone", "-q", fixture.Repo, applied);
        SplitFixture.GitIn(applied, "checkout", "-q", fixture.Tip);
        Exit(1, Cli.Split("series", fixture.Patches, "--tree", applied, "--dry-run"), "series that do not apply");
        Exit(2, Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "-v", "x"), "series with a bad -v");
    }

    [Fact]
    public void Trace_dump_and_stats()
    {
        foreach (string command in new[] { "dump", "stats" })
        {
            Exit(0, Cli.Trace(command, GoodTrace), command);
            // Neither checks anything: a damaged trace is input they cannot read.
            Exit(2, Cli.Trace(command, DamagedTrace), $"{command} of a damaged trace");
            Exit(2, Cli.Trace(command, Empty("not-a-trace-" + command)), $"{command} of a folder without metadata");
        }
    }

    [Fact]
    public void Trace_validate()
    {
        Exit(0, Cli.Trace("validate", GoodTrace), "validate");
        Exit(1, Cli.Trace("validate", DamagedTrace), "validate of a damaged trace");
        Exit(2, Cli.Trace("validate", Empty("not-a-trace")), "validate of a folder without metadata");
    }

    [Fact]
    public void Trace_record()
    {
        Exit(0, Cli.Trace("record", "-o", Path.Combine(_dir, "trace"), "--events", "100"), "record");
        var threads = Cli.Trace("record", "-o", Path.Combine(_dir, "trace2"), "--threads", "0");
        Exit(2, threads, "record with 0 threads");
        Assert.Equal("ltt-trace record: --threads: '0' is not a whole number from 1 to 1024\nTry 'ltt-trace record --help'.\n", threads.Error);
        Exit(2, Cli.Trace("record", "-o", Path.Combine(_dir, "trace3"), "--subbuf-size", "5000"), "record with a sub-buffer size not a power of two");
        Assert.False(Directory.Exists(Path.Combine(_dir, "trace2")) || Directory.Exists(Path.Combine(_dir, "trace3")));
    }

    [Fact]
    public void Trace_ci_bad_input()
    {
        Exit(2, Cli.Trace("ci", Empty("empty")), "ci of a folder without tracepoints");
        // Nothing was checked, so nothing is kept: no work folder of this process stays in /tmp.
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), $"ltt-ci-{Environment.ProcessId}-*"));
        Exit(2, Cli.Trace("ci", Path.Combine(_dir, "missing")), "ci of a missing tree");
    }
}
