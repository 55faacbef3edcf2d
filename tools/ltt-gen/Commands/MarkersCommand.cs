using System.CommandLine;
using Ltt.Cli;
using Ltt.Probes.Generation;
using Ltt.Probes.Metadata;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Model;

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
        // One scan: the markers the tree has and the ones generated from its tracepoints.
        var scanned = TracepointScanner.Scan(scan);
        var generated = ProbeGenerator.Generate(scanned, scan, options);
        var table = MarkerTable.Build(scanned, generated.Plan);
        // A conflict is what this command checks (exit 1, with the list); any other error is bad input.
        var conflictSites = table.Conflicts.SelectMany(c => new[] { c.First.Location, c.Second.Location }).ToHashSet();
        bool IsConflict(ScanDiagnostic d) => d.Severity == DiagnosticSeverity.Error && conflictSites.Contains(d.Location);
        if (ProbeOptions.Report(generated with { Diagnostics = [.. generated.Diagnostics.Where(d => !IsConflict(d))] }, error))
            return (int)ExitCode.BadInput;
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
