using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ltt.Trace.Serialization;
using Ltt.Trace.Tests.Reader;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// <c>ltt-trace record</c> whose stream files cannot grow any more stops cleanly: exit 1, one
/// message saying where it stopped and how many events the trace holds, and a trace that
/// babeltrace2 and our reader read in full (the failed write cut back to the last whole packet).
/// The file size limit (<c>ulimit -f</c>, with SIGXFSZ ignored) makes the write fail at a chosen
/// size on any file system, as a full disk does (EFBIG instead of ENOSPC, same path).
/// </summary>
public sealed partial class DiskFullTests
{
    [Fact]
    public void A_write_that_fails_part_way_stops_the_recording_with_a_readable_trace()
    {
        using var trace = new TempTrace();
        string dll = Path.Combine(AppContext.BaseDirectory, "ltt-trace.dll");
        // 4 MiB per file at most: the default 256 KiB packets fill it after 16, then a batch is cut.
        var start = new ProcessStartInfo("bash", ["-c", "trap '' XFSZ; ulimit -f 4100; exec dotnet \"$0\" record -o \"$1\" --threads 2 --events 5000000", dll, trace.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The runtime's double-mapped code heap is a memfd that the size limit would also cap.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var record = Process.Start(start)!;
        string stdout = record.StandardOutput.ReadToEnd();
        string stderr = record.StandardError.ReadToEnd();
        Assert.True(record.WaitForExit(TimeSpan.FromMinutes(2)));

        Assert.True(record.ExitCode == 1, $"exit {record.ExitCode}: {stdout}{stderr}");
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^ltt-trace record: .*/channel0_\d: write failed: File too large$", lines[0]);
        Match held = Held().Match(lines[1]);
        Assert.True(held.Success, lines[1]);
        long events = long.Parse(held.Groups[1].Value, CultureInfo.InvariantCulture);

        foreach (string stream in Directory.GetFiles(trace.Path, "channel0_*"))
            Assert.Equal(0, new FileInfo(stream).Length % (256 * 1024));
        var (bt, btErrors, btExit) = Babeltrace.Run(trace.Path);
        Assert.True(btExit == 0, btErrors);
        Assert.Equal(events, Encoding.UTF8.GetString(bt).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(events, TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog).Events.Count);
    }

    [GeneratedRegex(@"^ltt-trace record: stopped: .* holds the (\d+) events written before, in whole packets; \d+ events were not written$")]
    private static partial Regex Held();
}
