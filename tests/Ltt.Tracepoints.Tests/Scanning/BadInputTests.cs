using Ltt.Testing;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Tests.Scanning;

/// <summary>
/// Every folder under bad/ is a small tree with something wrong, a README saying what, and
/// expected.txt listing the diagnostics (file, line, severity, text) the scan must report.
/// </summary>
public sealed class BadInputTests
{
    private static readonly string BadRoot = RepoPaths.TestData("Ltt.Tracepoints.Tests", "bad");

    public static TheoryData<string> Cases() => new(Directory.GetDirectories(BadRoot).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsEachProblemWithFileAndLine(string name)
    {
        string tree = Path.Combine(BadRoot, name);
        Assert.True(File.Exists(Path.Combine(tree, "README")), $"bad/{name} needs a README saying what is wrong");

        ScanResult result = TracepointScanner.Scan(new ScanOptions { Tree = tree });

        var expected = File.ReadAllLines(Path.Combine(tree, "expected.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (string line in expected)
        {
            // <file>:<line>: <severity>: <text>
            string[] parts = line.Split(": ", 3);
            string[] where = parts[0].Split(':');
            var severity = parts[1] == "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            Assert.True(result.Diagnostics.Any(d => d.Location.File == where[0] && d.Location.Line == int.Parse(where[1]) &&
                    d.Severity == severity && d.Message.Contains(parts[2], StringComparison.Ordinal)),
                $"missing: {line}\nreported:\n{string.Join('\n', result.Diagnostics)}");
        }
        if (expected.Count == 0)
        {
            Assert.Empty(result.Sites);
            Assert.Empty(result.Markers);
            Assert.Empty(result.Unresolved);
        }
        else
        {
            Assert.True(result.HasErrors);
        }
        // Every diagnostic names a file and, for what is in a file, a line.
        Assert.All(result.Diagnostics.Where(d => d.Location.File != ".config"), d => Assert.False(string.IsNullOrEmpty(d.Location.File)));
    }

    [Fact]
    public void UnresolvedSitesAreCountedWithReasons()
    {
        ScanResult result = TracepointScanner.Scan(new ScanOptions { Tree = Path.Combine(BadRoot, "unknown-type") });

        Assert.Equal(["holds_gadget", "takes_gizmo", "uses_widget"], result.Unresolved.Select(u => u.Name).Order());
        Assert.All(result.Unresolved, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
        Assert.Equal(["fine"], result.Sites.Select(s => s.Name));
    }

    [Fact]
    public void AMissingTreeIsADiagnosticNotAnException()
    {
        ScanResult result = TracepointScanner.Scan(new ScanOptions { Tree = Path.Combine(BadRoot, "no-such-tree") });

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("not a folder", d.Message);
    }

    [Fact]
    public void AnUnknownArchitectureIsADiagnostic()
    {
        ScanResult result = TracepointScanner.Scan(new ScanOptions { Tree = Path.Combine(BadRoot, "empty-tree"), Arch = "vax" });

        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("vax"));
    }

    [Fact]
    public void AnUnreadableHeaderIsReportedByName()
    {
        string tree = Directory.CreateTempSubdirectory("ltt-scan-unreadable").FullName;
        try
        {
            string events = Directory.CreateDirectory(Path.Combine(tree, "include", "trace", "events")).FullName;
            File.CreateSymbolicLink(Path.Combine(events, "gone.h"), Path.Combine(tree, "nowhere.h"));

            ScanResult result = TracepointScanner.Scan(new ScanOptions { Tree = tree });

            Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error &&
                d.Location.File == "include/trace/events/gone.h" && d.Message.StartsWith("cannot read", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(tree, recursive: true);
        }
    }

    [Fact]
    public async Task AFifoOrALinkToADeviceIsReportedAndNotRead()
    {
        string tree = Directory.CreateTempSubdirectory("ltt-scan-special").FullName;
        try
        {
            string events = Directory.CreateDirectory(Path.Combine(tree, "include", "trace", "events")).FullName;
            File.CreateSymbolicLink(Path.Combine(events, "zero.h"), "/dev/zero");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(events, "fifo.h")))
                await mkfifo.WaitForExitAsync();
            Assert.True(File.Exists(Path.Combine(events, "fifo.h")));

            // On a thread of its own: read, either file would never return.
            var scan = Task.Run(() => TracepointScanner.Scan(new ScanOptions { Tree = tree }));
            Assert.True(await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(60))) == scan, "the scan is still reading after 60 s");
            ScanResult result = await scan;

            foreach (string name in new[] { "fifo.h", "zero.h" })
                Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error &&
                    d.Location.File == "include/trace/events/" + name && d.Message.StartsWith("not a regular file", StringComparison.Ordinal));
            Assert.True(result.HasErrors);
        }
        finally
        {
            Directory.Delete(tree, recursive: true);
        }
    }
}
