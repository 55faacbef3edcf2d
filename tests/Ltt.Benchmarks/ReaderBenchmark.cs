using System.Diagnostics;
using System.Globalization;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Text;

namespace Ltt.Benchmarks;

/// <summary>
/// Decodes each trace with ltt-trace's reader and with babeltrace2, in the same run:
/// decode only (<c>stats</c> vs <c>babeltrace2 -c sink.utils.counter</c>) and text output to
/// /dev/null (<c>dump</c> vs <c>babeltrace2</c>). Best of three; prints events/s, ratios and memory.
/// Times are CPU time (user + system), because the machines this runs on are shared and wall
/// time mostly measures the neighbours; babeltrace2's include its start-up, ours do not include
/// the .NET start-up (about 0.1 s).
/// </summary>
public static class ReaderBenchmark
{
    public static int Run(string[] traces)
    {
        if (traces.Length == 0)
        {
            Console.Error.WriteLine("reader: give one or more trace directories");
            return 2;
        }
        foreach (string trace in traces)
        {
            if (!Measure(trace))
                return 1;
        }
        return 0;
    }

    private static bool Measure(string trace)
    {
        var opened = TraceSet.Open(trace);
        if (opened.Traces is null)
        {
            Console.Error.WriteLine($"reader: {trace}: {string.Join("; ", opened.Diagnostics)}");
            return false;
        }
        opened.Traces.Dispose();
        Console.WriteLine($"trace {trace}");

        long events = 0;
        long allocated = 0;
        double ourStats = Best(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            using var set = TraceSet.Open(trace).Traces!;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stats = TraceStatistics.Collect(set);
            var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            events = stats.Events;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return spent.TotalSeconds;
        });
        double ourDump = Best(() =>
        {
            using var set = TraceSet.Open(trace).Traces!;
            using var devNull = new FileStream("/dev/null", FileMode.Open, FileAccess.Write);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            TraceDump.Write(set, devNull);
            return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        });
        var (btCounter, btCounterRss) = BestExternal(trace, "-c", "sink.utils.counter", "-p", "step=+0");
        var (btText, btTextRss) = BestExternal(trace);
        var status = File.ReadAllLines("/proc/self/status");
        string anon = status.FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
        string hwm = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"  events                      {events,14:N0}"));
        Console.WriteLine(string.Create(c, $"  decode only   ltt-trace stats   {ourStats,8:F3} s CPU  {events / ourStats / 1e6,8:F2} M events/s"));
        Console.WriteLine(string.Create(c, $"                babeltrace2 counter {btCounter,6:F3} s CPU  {events / btCounter / 1e6,8:F2} M events/s   ratio {btCounter / ourStats,6:F1}x"));
        Console.WriteLine(string.Create(c, $"  text output   ltt-trace dump    {ourDump,8:F3} s CPU  {events / ourDump / 1e6,8:F2} M events/s"));
        Console.WriteLine(string.Create(c, $"                babeltrace2 text  {btText,8:F3} s CPU  {events / btText / 1e6,8:F2} M events/s   ratio {btText / ourDump,6:F1}x"));
        Console.WriteLine(string.Create(c, $"  memory        ltt-trace: {allocated / 1024.0:F0} KiB allocated while decoding every event, RssAnon {anon}, VmHWM {hwm} (includes mapped trace pages)"));
        Console.WriteLine(string.Create(c, $"                babeltrace2: max RSS counter {btCounterRss} KiB, text {btTextRss} KiB"));
        return true;
    }

    private static double Best(Func<double> run)
    {
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
            best = Math.Min(best, run());
        return best;
    }

    /// <summary>Runs babeltrace2 under /usr/bin/time three times, output to /dev/null; best CPU time and the max RSS in KiB.</summary>
    private static (double Seconds, long MaxRssKiB) BestExternal(string trace, params string[] extra)
    {
        double best = double.MaxValue;
        long rss = 0;
        for (int i = 0; i < 3; i++)
        {
            // babeltrace2 writes straight to /dev/null, as ltt-trace does: no pipe in between.
            var start = new ProcessStartInfo("sh")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in (string[])["-c", "exec /usr/bin/time -f '%U %S %M %x' babeltrace2 \"$@\" >/dev/null", "sh", trace, .. extra])
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            string[] fields = stderr.TrimEnd().Split('\n')[^1].Split(' ');
            if (fields.Length != 4 || fields[3] != "0")
                throw new InvalidOperationException("babeltrace2 failed: " + stderr);
            double cpu = double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture);
            best = Math.Min(best, cpu);
            rss = Math.Max(rss, long.Parse(fields[2], CultureInfo.InvariantCulture));
        }
        return (best, rss);
    }
}
