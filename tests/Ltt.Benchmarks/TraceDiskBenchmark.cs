using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Ltt.Trace.Buffers;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Benchmarks;

/// <summary>
/// Throughput of the consumer writing packets to disk, against the disk's own sequential
/// direct-write speed (<c>dd if=/dev/zero bs=1M oflag=direct</c>) in the same directory and run.
/// One writer thread fills the buffers as fast as it can (discard mode, so the writer never
/// waits); MB/s = stream bytes written / time from start until every packet is on disk.
/// Usage: trace-disk [--megabytes M] (default 1024) [--dir D] (default the temp directory)
/// </summary>
internal static partial class TraceDiskBenchmark
{
    public static int Run(string[] args)
    {
        long megabytes = 1024;
        string root = Path.GetTempPath();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--megabytes")
                megabytes = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--dir")
                root = args[i + 1];
        }

        string ddFile = Path.Combine(root, "ltt-bench-dd-" + Guid.NewGuid().ToString("N"));
        var (code, _, ddError) = ExternalCommand.Run("dd", ["if=/dev/zero", "of=" + ddFile, "bs=1M", "count=" + megabytes, "oflag=direct"]);
        File.Delete(ddFile);
        if (code != 0)
            throw new InvalidOperationException("dd failed: " + ddError);
        Match match = DdRate().Match(ddError);
        double ddBytesPerSecond = long.Parse(match.Groups["bytes"].Value, CultureInfo.InvariantCulture) / double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);

        string directory = Path.Combine(root, "ltt-bench-disk-" + Guid.NewGuid().ToString("N"));
        var channel = new ChannelConfig(SubbufferSize: 1 << 20, SubbufferCount: 16);
        if (!TraceSession.TryStart(new TraceSessionOptions(directory, ThreeIntegers.Catalog, channel), out var session, out var error))
            throw new InvalidOperationException(error);
        long events = megabytes * (1 << 20) / 20; // 4-byte header + 16-byte payload
        long began = Stopwatch.GetTimestamp();
        SyntheticWorkload.Run(session, 1, events);
        TraceSessionStats stats = session.Stop();
        double seconds = Stopwatch.GetElapsedTime(began).TotalSeconds;
        session.Dispose();
        Directory.Delete(directory, recursive: true);

        double ours = stats.Bytes / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dd oflag=direct bs=1M: {ddBytesPerSecond / 1e6:F0} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ltt-trace consumer:    {ours / 1e6:F0} MB/s ({stats.Bytes / 1e6:F0} MB in {seconds:F2} s, direct I/O {stats.DirectIo}, {stats.EventsInTrace} events kept, {stats.EventsDiscarded} discarded)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio ltt-trace / dd: {ours / ddBytesPerSecond:F2}"));
        return 0;
    }

    [GeneratedRegex(@"(?<bytes>\d+) bytes .* copied, (?<seconds>[\d.]+) s")]
    private static partial Regex DdRate();
}
