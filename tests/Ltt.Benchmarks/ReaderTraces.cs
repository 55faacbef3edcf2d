using System.Globalization;
using Ltt.Testing;
using Ltt.Trace.Buffers;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Benchmarks;

/// <summary>
/// The traces the reader benchmark reads, recorded on this machine and kept in a work folder
/// (recorded again only when missing): LTTng-UST traces of the three-integer tracepoint
/// (Debian's lttng-tools, two writer threads, blocking channel: no event lost) of several sizes,
/// and one trace of ltt-trace's own runtime (the same event, TSC clock, two threads).
/// </summary>
internal static class ReaderTraces
{
    /// <summary>An LTTng-UST trace of <paramref name="events"/> events under <paramref name="work"/>.</summary>
    public static string Ust(string work, long events)
    {
        string path = Path.Combine(work, "ust-" + Name(events));
        if (File.Exists(Path.Combine(path, ".complete")))
            return path;
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        Console.WriteLine($"recording {path} with LTTng-UST ({events:N0} events)...");
        using var ust = new LttngUstRunner(Path.Combine(RepoPaths.Root, "tests", "Ltt.Benchmarks", "lttng-ust"));
        ust.Record(path, 2, events / 2);
        File.WriteAllText(Path.Combine(path, ".complete"), "");
        return path;
    }

    /// <summary>A trace of ltt-trace's runtime, about <paramref name="events"/> events (discard mode: a few may be lost), under <paramref name="work"/>.</summary>
    public static string LttTrace(string work, long events)
    {
        string path = Path.Combine(work, "ltt-" + Name(events));
        if (File.Exists(Path.Combine(path, ".complete")))
            return path;
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        Console.WriteLine($"recording {path} with ltt-trace's runtime ({events:N0} events)...");
        var options = new TraceSessionOptions(path, ThreeIntegers.Catalog, new ChannelConfig(SubbufferSize: 1 << 20, SubbufferCount: 16));
        if (!TraceSession.TryStart(options, out var session, out string? error))
            throw new InvalidOperationException(error);
        using (session)
        {
            SyntheticWorkload.Run(session, 2, events / 2, CancellationToken.None);
            var stats = session.Stop();
            if (stats.Error is not null)
                throw new InvalidOperationException(stats.Error);
        }
        File.WriteAllText(Path.Combine(path, ".complete"), "");
        return path;
    }

    public static string Name(long events) => events % 1_000_000 == 0
        ? (events / 1_000_000).ToString(CultureInfo.InvariantCulture) + "m"
        : events.ToString(CultureInfo.InvariantCulture);
}
