using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Ltt.Trace.Serialization;
using Ltt.Trace.Tests.Reader;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// SIGTERM to a running <c>ltt-trace record</c>: the writers stop, every partial sub-buffer
/// becomes a last packet, the command exits 0, and babeltrace2 reads exactly the events the
/// command says it wrote, reporting only the discards it says it counted.
/// </summary>
public sealed partial class CleanStopTests
{
    [Fact]
    public async Task SigtermStopsTheRecordingWithAReadableTraceAndExactCounts()
    {
        using var trace = new TempTrace();
        // One writer, 32 MiB per CPU: the consumer keeps up, so the trace normally loses nothing.
        using Process record = RecordProcess.Start(trace.Path, "--threads", "1", "--events", "200000000", "--subbuf-size", "1048576", "--subbufs", "32");
        string stdout;
        try
        {
            RecordProcess.WaitForBytes(trace.Path, record, minimumBytes: 4 << 20);
            Assert.Equal(0, Kill(record.Id, SIGTERM));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            stdout = await record.StandardOutput.ReadToEndAsync(timeout.Token);
            await record.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!record.HasExited)
                record.Kill();
        }
        Assert.True(record.ExitCode == 0, $"exit code {record.ExitCode}: {await record.StandardError.ReadToEndAsync()}");
        Assert.Contains("interrupted: the workload stopped early", stdout, StringComparison.Ordinal);
        long attempted = Count(stdout, "events attempted");
        long written = Count(stdout, "events written");
        long lost = Count(stdout, "events lost");
        Assert.Equal(attempted, written + lost);
        Assert.True(written > 0);

        var (bbStdout, bbStderr, exitCode) = Babeltrace.Run(trace.Path);
        Assert.True(exitCode == 0, bbStderr);
        long reported = 0;
        foreach (string line in bbStderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Match match = DiscardedLine().Match(line);
            Assert.True(match.Success, "unexpected babeltrace2 message: " + line);
            reported += long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
        }
        Assert.Equal(lost, reported);
        int lines = Encoding.UTF8.GetString(bbStdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(written, lines);

        // The same from the packets: events decode, the last packet of the stream was cut short
        // by the stop (a flushed partial sub-buffer, not a full one).
        var (packets, events) = TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog);
        Assert.Equal(written, events.Count);
        var last = packets.Where(p => p.Events > 0).GroupBy(p => p.Stream).Select(g => g.Last()).ToList();
        Assert.Contains(last, p => p.Context.ContentSizeBits < p.Context.PacketSizeBits);
    }

    private static long Count(string stdout, string label)
    {
        Match match = Regex.Match(stdout, "^" + label + @": (\d+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no '{label}' line in:\n{stdout}");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [GeneratedRegex(@"^WARNING: Tracer discarded (?<count>\d+) events? between ")]
    private static partial Regex DiscardedLine();
}
