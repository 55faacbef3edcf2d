using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Ltt.Trace.Buffers;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Benchmarks;

/// <summary>
/// Throughput of the consumer alone writing packets to disk, against the disk's own sequential
/// direct-write speed (<c>dd if=/dev/zero bs=1M oflag=direct conv=fsync</c>, and with bs=8M, the
/// consumer's largest write) in the same directory and run. Writers first fill two CPU buffers of 1 MiB sub-buffers completely (M MiB
/// in all, three-integer events), with no consumer running; then the session's consumer is
/// started and timed until every packet is on disk and the files are synced. So the number is
/// what the consumer sustains, not what one writer thread produces. Both buffer modes: discard
/// (packets written straight from the ring buffer) and overwrite (each copied out and checked).
/// MB/s is stream bytes / seconds, 10^6 bytes per MB, like dd.
/// Usage: trace-disk [--megabytes M] (power of two, default 1024) [--dir D] (default the temp directory) [--repeat R] (default 2)
/// </summary>
internal static partial class TraceDiskBenchmark
{
    private const int SubbufferSize = 1 << 20;
    private const int Cpus = 2;

    public static int Run(string[] args)
    {
        long megabytes = 1024;
        int repeat = 2;
        string root = Path.GetTempPath();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--megabytes")
                megabytes = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--dir")
                root = args[i + 1];
            else if (args[i] == "--repeat")
                repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        if (megabytes < 2 * Cpus || !BitOperations.IsPow2(megabytes))
        {
            Console.Error.WriteLine("trace-disk: --megabytes must be a power of two, at least 4");
            return 2;
        }

        var invariant = CultureInfo.InvariantCulture;
        var dd = new List<double>();
        var dd8 = new List<double>();
        var discard = new List<double>();
        var overwrite = new List<double>();
        for (int r = 0; r < repeat; r++)
        {
            dd.Add(MeasureDd(root, megabytes, 1));
            dd8.Add(MeasureDd(root, megabytes, 8));
            discard.Add(MeasureConsumer(root, megabytes, BufferMode.Discard, out string discardNote));
            overwrite.Add(MeasureConsumer(root, megabytes, BufferMode.Overwrite, out string overwriteNote));
            Console.WriteLine(string.Create(invariant, $"run {r + 1}: dd bs=1M {dd[^1] / 1e6:F0} MB/s, bs=8M {dd8[^1] / 1e6:F0} MB/s; consumer discard {discard[^1] / 1e6:F0} MB/s ({discardNote}); overwrite {overwrite[^1] / 1e6:F0} MB/s ({overwriteNote})"));
        }
        double ddBest = dd.Max(), dd8Best = dd8.Max(), discardBest = discard.Max(), overwriteBest = overwrite.Max();
        Console.WriteLine(string.Create(invariant, $"{megabytes} MiB, best of {repeat}, directory {root}:"));
        Console.WriteLine(string.Create(invariant, $"  dd bs=1M oflag=direct conv=fsync  {ddBest / 1e6,6:F0} MB/s"));
        Console.WriteLine(string.Create(invariant, $"  dd bs=8M oflag=direct conv=fsync  {dd8Best / 1e6,6:F0} MB/s"));
        Console.WriteLine(string.Create(invariant, $"  consumer, discard mode (in place) {discardBest / 1e6,6:F0} MB/s  ratio to dd bs=1M {discardBest / ddBest:F2}, bs=8M {discardBest / dd8Best:F2}"));
        Console.WriteLine(string.Create(invariant, $"  consumer, overwrite mode (copied) {overwriteBest / 1e6,6:F0} MB/s  ratio to dd bs=1M {overwriteBest / ddBest:F2}, bs=8M {overwriteBest / dd8Best:F2}"));
        return 0;
    }

    private static double MeasureDd(string root, long megabytes, int blockMegabytes)
    {
        string ddFile = Path.Combine(root, "ltt-bench-dd-" + Guid.NewGuid().ToString("N"));
        var (code, _, ddError) = ExternalCommand.Run("dd", ["if=/dev/zero", "of=" + ddFile, $"bs={blockMegabytes}M", "count=" + (megabytes / blockMegabytes).ToString(CultureInfo.InvariantCulture), "oflag=direct", "conv=fsync"]);
        File.Delete(ddFile);
        if (code != 0)
            throw new InvalidOperationException("dd failed: " + ddError);
        Match match = DdRate().Match(ddError);
        return long.Parse(match.Groups["bytes"].Value, CultureInfo.InvariantCulture) / double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
    }

    private static double MeasureConsumer(string root, long megabytes, BufferMode mode, out string note)
    {
        string directory = Path.Combine(root, "ltt-bench-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var channel = new ChannelConfig(SubbufferSize: SubbufferSize, SubbufferCount: (int)(megabytes / Cpus), Mode: mode, CpuCount: Cpus);
        var buffers = new RingBuffer[Cpus];
        var files = new StreamFile[Cpus];
        try
        {
            for (int cpu = 0; cpu < Cpus; cpu++)
            {
                buffers[cpu] = new RingBuffer(channel, cpu);
                files[cpu] = new StreamFile(Path.Combine(directory, $"{channel.Name}_{cpu}"));
            }
            // Fill every sub-buffer: in discard mode the first refused event means full; in
            // overwrite mode stop one event short of reclaiming the oldest sub-buffer.
            Parallel.For(0, Cpus, cpu => Fill(buffers[cpu], channel));
            long events = buffers.Sum(b => b.Position) / 20;

            using var consumer = new TraceConsumer(buffers, files, Guid.NewGuid(), channel);
            long began = Stopwatch.GetTimestamp();
            consumer.Start();
            consumer.Stop();
            double seconds = Stopwatch.GetElapsedTime(began).TotalSeconds;
            if (consumer.Failure is not null)
                throw new IOException("consumer failed", consumer.Failure);
            long bytes = files.Sum(f => f.Length);
            note = string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F0} MB in {seconds:F2} s, {consumer.Packets} packets, ~{events} events, direct I/O {files.All(f => f.Direct)}");
            return bytes / seconds;
        }
        finally
        {
            foreach (StreamFile? file in files)
                file?.Dispose();
            foreach (RingBuffer? buffer in buffers)
                buffer?.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Fill(RingBuffer buffer, ChannelConfig channel)
    {
        long limit = channel.BufferSize - SubbufferSize / 2;
        for (ulong i = 0; buffer.Position < limit; i++)
        {
            if (!buffer.TryReserve(ThreeIntegers.Id, ThreeIntegers.Size, ThreeIntegers.Alignment, out Reservation reservation))
                break;
            new ThreeIntegers(i, -(int)i, (uint)buffer.Cpu).WriteTo(ref buffer.PayloadStart(reservation));
            buffer.Commit(reservation);
        }
    }

    [GeneratedRegex(@"(?<bytes>\d+) bytes .* copied, (?<seconds>[\d.]+) s")]
    private static partial Regex DdRate();
}
