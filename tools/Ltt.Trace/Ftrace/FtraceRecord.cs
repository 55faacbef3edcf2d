using System.Globalization;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Ftrace;

/// <summary>
/// A copy of ftrace's record taken out of tracefs, laid out as tracefs lays it out:
/// <code>
/// events/header_page                    the page layout
/// events/&lt;system&gt;/&lt;event&gt;/format       one per event that may be in the pages
/// per_cpu/cpuN/trace_pipe_raw           that CPU's pages, read until empty
/// per_cpu/cpuN/stats                    optional: overrun and dropped-event counters
/// trace_clock                           optional: the clock the timestamps are in
/// </code>
/// Opening parses the text files; <see cref="OpenCursor"/> walks a CPU's pages.
/// Pages are little-endian (x86_64, the kernels this toolkit runs).
/// </summary>
public sealed class FtraceRecord
{
    private readonly FtraceEventFormat?[] _byId;
    private readonly HashSet<int> _unreadableIds;

    private FtraceRecord(string directory, FtracePageHeader header, IReadOnlyList<FtraceEventFormat> events, IReadOnlyList<FtraceUnreadableFormat> unreadable, IReadOnlyList<FtraceCpu> cpus, string? clock)
    {
        Directory = directory;
        PageHeader = header;
        Events = events;
        UnreadableFormats = unreadable;
        _unreadableIds = unreadable.Where(u => u.Id is not null).Select(u => u.Id!.Value).ToHashSet();
        Cpus = cpus;
        Clock = clock;
        _byId = new FtraceEventFormat?[events.Count == 0 ? 0 : events.Max(e => e.Id) + 1];
        foreach (var e in events)
            _byId[e.Id] = e;
    }

    public string Directory { get; }

    public FtracePageHeader PageHeader { get; }

    /// <summary>Every event format found, ordered by system and name.</summary>
    public IReadOnlyList<FtraceEventFormat> Events { get; }

    /// <summary>Events whose format file did not parse: left out of <see cref="Events"/>, their records stepped over by the cursors.</summary>
    public IReadOnlyList<FtraceUnreadableFormat> UnreadableFormats { get; }

    /// <summary>The CPUs with a pages file, by number.</summary>
    public IReadOnlyList<FtraceCpu> Cpus { get; }

    /// <summary>The selected trace clock (<c>mono</c>, <c>local</c>...), or null without a <c>trace_clock</c> file.</summary>
    public string? Clock { get; }

    public FtraceEventFormat? FindById(int id) => (uint)id < (uint)_byId.Length ? _byId[id] : null;

    public FtraceEventFormat? FindByName(string name) => Events.FirstOrDefault(e => e.Name == name);

    /// <summary>The event of that name whose format did not parse, or null.</summary>
    public FtraceUnreadableFormat? FindUnreadable(string name) => UnreadableFormats.FirstOrDefault(e => e.Name == name);

    /// <summary>A cursor over one CPU's pages; dispose it.</summary>
    public FtracePageCursor OpenCursor(FtraceCpu cpu) => new(PageHeader, _byId, _unreadableIds, cpu.PagesFile, cpu.FileName, cpu.Number);

    /// <summary>
    /// Opens the copy under <paramref name="directory"/>; null record (with diagnostics naming file
    /// and line) when the page layout, a CPU's files or the clock is malformed. A format file that
    /// does not parse is not fatal: it is listed in <see cref="UnreadableFormats"/> with its diagnostics.
    /// </summary>
    public static FtraceOpenResult Open(string directory)
    {
        var diagnostics = new List<TraceDiagnostic>();
        if (!System.IO.Directory.Exists(directory))
        {
            diagnostics.Add(new TraceDiagnostic("open", directory, "no such directory"));
            return new FtraceOpenResult(null, diagnostics);
        }
        string headerFile = Path.Combine(directory, "events", "header_page");
        if (!File.Exists(headerFile))
        {
            diagnostics.Add(new TraceDiagnostic("open", directory, "no events/header_page: not a copy of ftrace's record"));
            return new FtraceOpenResult(null, diagnostics);
        }
        var header = FtraceFormatParser.ParseHeaderPage(ReadText(headerFile, "events/header_page", diagnostics) ?? "", "events/header_page", diagnostics);
        if (header is null)
            return new FtraceOpenResult(null, diagnostics);

        var events = new List<FtraceEventFormat>();
        var ids = new Dictionary<int, FtraceEventFormat>();
        var unreadable = new List<FtraceUnreadableFormat>();
        foreach (string system in SortedDirectories(Path.Combine(directory, "events")))
        {
            foreach (string eventDirectory in SortedDirectories(system))
            {
                string file = Path.Combine(eventDirectory, "format");
                if (!File.Exists(file))
                    continue;
                string name = Path.GetRelativePath(directory, file).Replace('\\', '/');
                if (ReadText(file, name, diagnostics) is not { } text)
                    continue;
                // A format that does not parse costs only its event (see FtraceUnreadableFormat).
                var problems = new List<TraceDiagnostic>();
                if (FtraceFormatParser.ParseEvent(text, name, Path.GetFileName(system), header.LongSize, problems) is not { } format)
                {
                    unreadable.Add(new FtraceUnreadableFormat(Path.GetFileName(system), Path.GetFileName(eventDirectory), FtraceFormatParser.FindId(text), name, problems));
                    continue;
                }
                if (ids.TryGetValue(format.Id, out var other))
                {
                    diagnostics.Add(new TraceDiagnostic("format", name, $"ID {format.Id} is also the ID of {other.File}", Line: 1));
                    continue;
                }
                ids[format.Id] = format;
                events.Add(format);
            }
        }

        var cpus = new List<FtraceCpu>();
        string perCpu = Path.Combine(directory, "per_cpu");
        foreach (string cpuDirectory in SortedDirectories(perCpu))
        {
            string leaf = Path.GetFileName(cpuDirectory);
            if (!leaf.StartsWith("cpu", StringComparison.Ordinal) || !int.TryParse(leaf.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
                continue;
            string pages = Path.Combine(cpuDirectory, "trace_pipe_raw");
            if (!File.Exists(pages))
            {
                diagnostics.Add(new TraceDiagnostic("open", $"per_cpu/{leaf}", "no trace_pipe_raw in this CPU's directory"));
                continue;
            }
            FtraceCpuStats? stats = null;
            string statsFile = Path.Combine(cpuDirectory, "stats");
            if (File.Exists(statsFile) && ReadText(statsFile, $"per_cpu/{leaf}/stats", diagnostics) is { } statsText)
                stats = FtraceCpuStats.Parse(statsText, $"per_cpu/{leaf}/stats", diagnostics);
            cpus.Add(new FtraceCpu(number, pages, $"per_cpu/{leaf}/trace_pipe_raw", stats));
        }
        if (cpus.Count == 0)
            diagnostics.Add(new TraceDiagnostic("open", directory, "no per_cpu/cpuN/trace_pipe_raw files"));
        cpus.Sort((a, b) => a.Number.CompareTo(b.Number));

        string? clock = null;
        string clockFile = Path.Combine(directory, "trace_clock");
        if (File.Exists(clockFile) && ReadText(clockFile, "trace_clock", diagnostics) is { } clockText)
        {
            clock = SelectedClock(clockText);
            if (clock is null)
                diagnostics.Add(new TraceDiagnostic("trace-clock", "trace_clock", "no clock in [brackets]: not a copy of tracefs trace_clock", Line: 1));
        }
        if (diagnostics.Count > 0)
            return new FtraceOpenResult(null, diagnostics);
        return new FtraceOpenResult(new FtraceRecord(directory, header, events, unreadable, cpus, clock), diagnostics);
    }

    /// <summary>The clock in brackets in <c>trace_clock</c> (<c>local global [mono] ...</c>).</summary>
    private static string? SelectedClock(string text)
    {
        int open = text.IndexOf('['), close = text.IndexOf(']');
        return open >= 0 && close > open + 1 ? text[(open + 1)..close] : null;
    }

    private static IEnumerable<string> SortedDirectories(string path) =>
        System.IO.Directory.Exists(path) ? System.IO.Directory.GetDirectories(path).Order(StringComparer.Ordinal) : [];

    private static string? ReadText(string path, string name, List<TraceDiagnostic> diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new TraceDiagnostic("open", name, ex.Message));
            return null;
        }
    }
}
