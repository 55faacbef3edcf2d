using System.CommandLine;
using System.Globalization;
using Ltt.Cli;
using Ltt.Trace.Reader;

namespace LttTrace.Commands;

/// <summary><c>ltt-trace stats TRACE</c>: events per event class and per stream, discarded events, time span, decode rate.</summary>
public static class StatsCommand
{
    public static Command Create() => TraceInput.Command("stats", "Decode every event and print counts per event class and stream, discarded events, lost packets, first and last timestamps and the decode rate.", Run);

    public static int Run(string path, TextWriter output, TextWriter error)
    {
        if (!TraceInput.TryOpen(path, error, out var traces))
            return (int)ExitCode.BadInput;
        TraceStatistics stats;
        using (traces)
            stats = TraceReadProgress.Run("stats", path, error, writesWhileReading: false, () => TraceStatistics.Collect(traces));
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"events: {stats.Events}"));
        output.WriteLine(string.Create(c, $"discarded events: {stats.Discarded}"));
        output.WriteLine(string.Create(c, $"lost packets: {stats.LostPackets}"));
        if (stats.FirstNs is { } first && stats.LastNs is { } last)
        {
            output.WriteLine(string.Create(c, $"first timestamp: {Format(first)}"));
            output.WriteLine(string.Create(c, $"last timestamp: {Format(last)}"));
            output.WriteLine(string.Create(c, $"duration: {(last - first) / 1e9:F9} s"));
        }
        output.WriteLine("event classes:");
        int width = stats.PerEventClass.Select(p => p.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var (name, count) in stats.PerEventClass)
            output.WriteLine(string.Create(c, $"  {name.PadRight(width)}  {count,12}"));
        output.WriteLine("streams:");
        width = stats.PerStream.Select(p => p.Stream.Length).DefaultIfEmpty(0).Max();
        foreach (var (stream, events, packets, discarded, lost) in stats.PerStream)
            output.WriteLine(string.Create(c, $"  {stream.PadRight(width)}  {events,12} events  {packets,8} packets  {discarded,8} discarded  {lost,8} packets lost"));
        output.WriteLine(string.Create(c, $"decoded in {stats.Elapsed.TotalSeconds:F3} s: {stats.EventsPerSecond / 1e6:F2} M events/s"));
        foreach (var d in stats.Diagnostics)
            error.WriteLine($"ltt-trace: {d}");
        return stats.Diagnostics.Count == 0 ? (int)ExitCode.Success : (int)ExitCode.BadInput;
    }

    private static string Format(long ns) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Math.DivRem(ns, 1_000_000L, out _)).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        + "." + ((ns % 1_000_000_000L + 1_000_000_000L) % 1_000_000_000L).ToString("D9", CultureInfo.InvariantCulture) + " UTC (" + ns.ToString(CultureInfo.InvariantCulture) + " ns)";
}
