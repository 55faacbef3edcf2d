using System.Text;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Series.Maintainers;
using Ltt.Series.Routing;
using Ltt.Trace.Ftrace;
using Ltt.Tracepoints.Markers;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Fuzz;

/// <summary>The fuzz targets, by name. Targets that need more than one call live in the partial files by area.</summary>
public static partial class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("ftrace-format", "an event's tracefs format file", input =>
            FtraceFormatParser.ParseEvent(Text(input), "format", "fuzz", 8, [])),
        new("ftrace-header-page", "tracefs events/header_page; the page it accepts is one the reader may allocate", FtraceHeaderPage),
        new("ftrace-stats", "tracefs per_cpu/cpuN/stats", input =>
            FtraceCpuStats.Parse(Text(input), "stats", [])),
        new("ftrace-pages", "per_cpu/cpu0/trace_pipe_raw pages against fixed format files (sched_switch, sched_process_exec, sys_enter, print)", FtracePages),
        new("tsdl", "CTF 1.8 metadata text", input =>
            TsdlParser.Parse(Text(input))),
        new("tsdl-packetized", "a CTF metadata file as LTTng writes it (metadata packets around TSDL text), or plain text", TsdlPacketized),
        new("ctf-stream", "a CTF stream file against a real LTTng-UST metadata", CtfStream),
        new("ctf-trace", "a CTF trace whose metadata is fuzzed too: TSDL text, a NUL byte, then the stream file", CtfTrace),
        new("validator", "the trace validator (decode, enumerations, timestamps, packet counters) on a trace given as TSDL text, a NUL byte, then the stream file", Validator),
        new("maintainers", "a MAINTAINERS file", input =>
            MaintainersParser.Parse("MAINTAINERS", Text(input))),
        new("mailmap", "a .mailmap file", input =>
            Mailmap.Parse(Text(input))),
        new("diff", "a patch's diff; a path that leaves the tree must not be accepted", Diff),
        new("mbox", "an mbox or format-patch file; no accepted path leaves the tree, no header written from it carries its own line break", Mbox),
        new("probes-spec", "ltt/probes.spec", input =>
            ProbeSpecParser.Parse(Text(input), "probes.spec")),
        new("event-ids", "ltt/event-ids", input =>
            EventIdMap.Parse(Text(input), "event-ids")),
        new("marker-format", "a marker format string", input =>
            MarkerFormat.TryParse(Text(input), out _, out _)),
        new("fast-assign", "a TP_fast_assign body, after a 'fields: name type, ...' line (the format of tests/Ltt.Probes.Tests/FastAssign/)", FastAssign),
        new("c-lexer", "any bytes as a C file read alone (the scanner's lexer): tokens in order, where their offsets say, spelled as their bytes, every # in one", CLexer),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    /// <summary>A scratch folder per process: file-based readers get the input as a file.</summary>
    private static readonly string Scratch = Directory.CreateTempSubdirectory("ltt-fuzz-").FullName;
}
