using System.Globalization;
using Ltt.Cli;

namespace LttTrace.Commands;

/// <summary>
/// The terminal display while a trace is read (<c>stats</c>, <c>dump</c>, <c>report</c>): the
/// bytes this process has read so far (Linux's <c>/proc/self/io</c>, <c>rchar</c>) against the
/// size of the trace's files, polled five times a second, so the reader's loops carry no hook.
/// Not drawn when stdout is the same terminal and the command writes there while it reads
/// (<c>dump</c>'s text would tear the display); elsewhere as <see cref="TerminalProgress"/>.
/// </summary>
internal static class TraceReadProgress
{
    public static T Run<T>(string command, string path, TextWriter error, bool writesWhileReading, Func<T> work)
    {
        var display = TerminalProgress.For(error, quiet: false);
        if (!display.Draws || (writesWhileReading && !Console.IsOutputRedirected))
            return work();
        long total = TraceBytes(path), start = BytesRead();
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        using var timer = new Timer(_ => display.Report($"reading {name}", Math.Max(0, BytesRead() - start), total), null, 0, 200);
        return display.Run($"ltt-trace {command}", () =>
        {
            T result = work();
            display.Report($"read {name}", total, total);
            return result;
        });
    }

    private static long TraceBytes(string path) =>
        File.Exists(path) ? new FileInfo(path).Length
            : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    /// <summary>Bytes this process has read so far; 0 where /proc does not say.</summary>
    private static long BytesRead()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/io"))
            {
                if (line.StartsWith("rchar:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return 0;
    }
}
