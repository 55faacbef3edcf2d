using System.Globalization;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Ftrace;

/// <summary>
/// A CPU's <c>per_cpu/cpuN/stats</c>, the counters the pages do not carry: in discard mode
/// (<c>options/overwrite</c> 0) ftrace drops new events without marking any page, and only
/// <see cref="DroppedEvents"/> counts them; <see cref="Overrun"/> counts the events overwritten in
/// overwrite mode (the pages mark those too).
/// </summary>
public sealed record FtraceCpuStats(long Entries, long Overrun, long CommitOverrun, long Bytes, long DroppedEvents, long ReadEvents)
{
    /// <summary>Every event the buffer lost, whichever mode it was in.</summary>
    public long Lost => Overrun + CommitOverrun + DroppedEvents;

    /// <summary>Parses the file's <c>key: value</c> lines; null (with a diagnostic naming the line) when a counter is missing or not a number.</summary>
    public static FtraceCpuStats? Parse(string text, string file, List<TraceDiagnostic> diagnostics)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        int line = 0;
        foreach (string raw in text.Split('\n'))
        {
            line++;
            int colon = raw.IndexOf(':');
            if (colon < 0)
                continue;
            string key = raw[..colon].Trim();
            string value = raw[(colon + 1)..].Trim();
            if (key.EndsWith(" ts", StringComparison.Ordinal))
                continue; // "oldest event ts:   263.871248": seconds, not a counter
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
            {
                diagnostics.Add(new TraceDiagnostic("stats", file, $"'{key}' is '{value}', not a count", Line: line));
                return null;
            }
            values[key] = number;
        }
        long? Need(string key)
        {
            if (values.TryGetValue(key, out long v))
                return v;
            diagnostics.Add(new TraceDiagnostic("stats", file, $"no '{key}:' line"));
            return null;
        }
        long? entries = Need("entries"), overrun = Need("overrun"), commitOverrun = Need("commit overrun"),
            bytes = Need("bytes"), dropped = Need("dropped events"), read = Need("read events");
        if (entries is null || overrun is null || commitOverrun is null || bytes is null || dropped is null || read is null)
            return null;
        return new FtraceCpuStats(entries.Value, overrun.Value, commitOverrun.Value, bytes.Value, dropped.Value, read.Value);
    }
}
