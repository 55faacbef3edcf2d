using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Trace.Tests.Runtime;

public sealed class SmokeTests
{
    [Fact]
    public async Task RecordsAndBabeltraceReads()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ltt-smoke-" + Guid.NewGuid().ToString("N"));
        Assert.True(TraceSession.TryStart(new TraceSessionOptions(dir, ThreeIntegers.Catalog), out var session, out var error), error);
        for (int i = 0; i < 100000; i++)
            session.Write(ThreeIntegers.Id, new ThreeIntegers((ulong)i, -i, 7));
        var stats = session.Stop();
        session.Dispose();
        var psi = new System.Diagnostics.ProcessStartInfo("babeltrace2", [dir]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var outTask = p.StandardOutput.ReadToEndAsync();
        string err = p.StandardError.ReadToEnd();
        string output = await outTask;
        p.WaitForExit();
        Assert.True(err.Length == 0, err[..Math.Min(2000, err.Length)] + $" stats {stats} dir {dir}");
        Assert.Equal(100000, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(100000, stats.EventsInTrace);
    }
}
