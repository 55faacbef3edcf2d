using System.Text;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Series.Maintainers;
using Ltt.Series.Patches;
using Ltt.Series.Routing;
using Ltt.Trace.Ftrace;
using Ltt.Tracepoints.Markers;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Fuzz;

/// <summary>The fuzz targets, by name.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("ftrace-format", "an event's tracefs format file", input =>
            FtraceFormatParser.ParseEvent(Text(input), "format", "fuzz", 8, [])),
        new("ftrace-header-page", "tracefs events/header_page", input =>
            FtraceFormatParser.ParseHeaderPage(Text(input), "header_page", [])),
        new("ftrace-stats", "tracefs per_cpu/cpuN/stats", input =>
            FtraceCpuStats.Parse(Text(input), "stats", [])),
        new("ftrace-pages", "per_cpu/cpu0/trace_pipe_raw pages against fixed format files (sched_switch, sched_process_exec, sys_enter, print)", FtracePages),
        new("tsdl", "CTF 1.8 metadata text", input =>
            TsdlParser.Parse(Text(input))),
        new("ctf-stream", "a CTF stream file against a real LTTng-UST metadata", CtfStream),
        new("maintainers", "a MAINTAINERS file", input =>
            MaintainersParser.Parse("MAINTAINERS", Text(input))),
        new("mailmap", "a .mailmap file", input =>
            Mailmap.Parse(Text(input))),
        new("diff", "a patch's diff; a path that leaves the tree must not be accepted", Diff),
        new("probes-spec", "ltt/probes.spec", input =>
            ProbeSpecParser.Parse(Text(input), "probes.spec")),
        new("event-ids", "ltt/event-ids", input =>
            EventIdMap.Parse(Text(input), "event-ids")),
        new("marker-format", "a marker format string", input =>
            MarkerFormat.TryParse(Text(input), out _, out _)),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    /// <summary>A scratch folder per process: file-based readers get the input as a file.</summary>
    private static readonly string Scratch = Directory.CreateTempSubdirectory("ltt-fuzz-").FullName;

    private static FtraceRecord? _ftrace;

    private static void Diff(byte[] input)
    {
        var lines = Text(input).Split('\n');
        foreach (var file in DiffParser.Parse("patch", lines, 0, 0, []))
        {
            foreach (string path in new[] { file.OldPath, file.NewPath })
            {
                if (path != "/dev/null" && DiffParser.UnsafePath(path) is { } why)
                    throw new InvalidOperationException($"accepted a path that {why}: {path}");
            }
        }
    }

    private static void FtracePages(byte[] input)
    {
        _ftrace ??= OpenFtraceSkeleton();
        string pages = _ftrace.Cpus[0].PagesFile;
        File.WriteAllBytes(pages, input);
        using var cursor = _ftrace.OpenCursor(_ftrace.Cpus[0]);
        while (cursor.MoveNext())
        {
            if (cursor.Format is not null)
                cursor.ReadPayload();
        }
    }

    private static FtraceRecord OpenFtraceSkeleton()
    {
        string dir = Path.Combine(Scratch, "ftrace");
        foreach (var (path, bytes) in FuzzSkeletons.FtraceFiles)
        {
            string file = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "per_cpu", "cpu0")).FullName, "trace_pipe_raw"), []);
        var opened = FtraceRecord.Open(dir);
        return opened.Record ?? throw new InvalidOperationException("the ftrace skeleton does not open: " + string.Join("; ", opened.Diagnostics));
    }

    private static void CtfStream(byte[] input)
    {
        string dir = Path.Combine(Scratch, "ctf");
        if (!File.Exists(Path.Combine(dir, "metadata")))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "metadata"), FuzzSkeletons.CtfMetadata);
        }
        File.WriteAllBytes(Path.Combine(dir, "stream_0"), input);
        var opened = TraceSet.Open(dir);
        if (opened.Traces is not { } traces)
            return;
        using (traces)
        {
            foreach (var stream in traces.Streams)
            {
                while (stream.MoveNext())
                    stream.ReadPayload();
            }
        }
    }
}
