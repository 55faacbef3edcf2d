using System.CommandLine;
using Ltt.Cli;
using Ltt.Probes.Generation;
using Ltt.Probes.Metadata;
using Ltt.Tracepoints;

namespace LttGen.Commands;

/// <summary><c>ltt-gen markers &lt;tree&gt;</c>: list every marker with its format; fail on a name used with two formats.</summary>
public static class MarkersCommand
{
    public static Command Create()
    {
        var shared = new ProbeOptions();
        var command = new Command("markers", "List every marker (trace_mark, DEFINE_MARKER*, generated) with its format; exit 1 on a name used with two formats.");
        shared.AddTo(command, withTarget: false);
        command.SetAction(parse =>
        {
            var options = shared.Read(parse, parse.InvocationConfiguration.Error, "markers");
            if (options is null)
                return (int)ExitCode.BadInput;
            return Run(options.Value.Scan, options.Value.Generate, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    public static int Run(ScanOptions scan, ProbeGeneratorOptions options, TextWriter output, TextWriter error)
    {
        var generated = ProbeGenerator.Generate(scan, options);
        var scanned = TracepointScanner.Scan(scan);
        if (ProbeOptions.Report(generated, error))
            return (int)ExitCode.BadInput;
        var table = MarkerTable.Build(scanned, generated.Plan);
        int width = table.Markers.Select(m => m.FullName.Length).DefaultIfEmpty(10).Max();
        foreach (var m in table.Markers)
            output.WriteLine($"{m.FullName.PadRight(width)}  {Origin(m.Origin),-16}  {m.Location,-32}  \"{m.Format}\"");
        output.WriteLine($"{table.Markers.Count} markers, {table.Conflicts.Count} conflicts");
        foreach (var conflict in table.Conflicts)
            error.WriteLine($"{conflict}: error");
        return table.Conflicts.Count > 0 ? (int)ExitCode.CheckFailed : (int)ExitCode.Success;
    }

    private static string Origin(MarkerOrigin origin) => origin switch
    {
        MarkerOrigin.TraceMark => "trace_mark",
        MarkerOrigin.DefineMarker => "DEFINE_MARKER",
        MarkerOrigin.DefineMarkerTp => "DEFINE_MARKER_TP",
        _ => "generated",
    };
}
