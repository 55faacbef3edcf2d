using System.Diagnostics;
using System.Text;
using Ltt.Trace.Serialization;
using Ltt.Trace.Tests.Reader;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// A recording process killed mid-way (SIGKILL: no chance to flush) leaves a trace whose
/// completed packets babeltrace2 reads, with no partial packet to trip on.
/// </summary>
public sealed class KilledRecordTests
{
    [Fact]
    public void SigkillLeavesEveryCompletedPacketReadable()
    {
        using var trace = new TempTrace();
        using Process record = RecordProcess.Start(trace.Path, "--threads", "2", "--events", "20000000", "--subbuf-size", "65536", "--subbufs", "8");
        try
        {
            RecordProcess.WaitForBytes(trace.Path, record, minimumBytes: 40 * 65536);
        }
        finally
        {
            record.Kill();
            record.WaitForExit();
        }
        Assert.Equal(137, record.ExitCode); // killed by SIGKILL, not finished

        var (stdout, stderr, exitCode) = Babeltrace.Run(trace.Path);
        Assert.True(exitCode == 0, stderr);
        foreach (string line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.StartsWith("WARNING: Tracer ", line);
        int lines = Encoding.UTF8.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var (packets, events) = TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog);
        Assert.True(packets.Count >= 40, $"{packets.Count} packets");
        Assert.Equal(events.Count, lines);
    }
}
