using System.CommandLine;
using Ltt.Cli;
using Ltt.IO;
using Ltt.Validation.Reports;
using Ltt.Trace.Layout;
using Ltt.Trace.Validation;

namespace LttTrace.Commands;

/// <summary><c>ltt-trace validate TRACE [--metadata events.json] [--json | --junit FILE]</c>: runs every check; exit 0 only when all hold.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var trace = TraceInput.Argument();
        var catalog = new Option<string?>("--metadata", "-m") { Description = "The generated events.json the trace's metadata must agree with." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var junit = new Option<string?>("--junit") { Description = "Also write the report as JUnit XML to this file." };
        var command = new Command("validate", "Check a trace: event ids, sizes, strings, enumerations, timestamps, packet counters, and agreement with events.json.");
        command.Arguments.Add(trace);
        command.Options.Add(catalog);
        command.Options.Add(json);
        command.Options.Add(junit);
        command.SetAction(parse => Run(parse.GetValue(trace)!, parse.GetValue(catalog), parse.GetValue(json), parse.GetValue(junit),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, string? catalogPath, bool json, string? junit, TextWriter output, TextWriter error)
    {
        if (junit is not null && AtomicFile.CheckWritable(junit) is { } junitProblem)
        {
            error.WriteLine($"ltt-trace validate: --junit {junitProblem}");
            return (int)ExitCode.BadInput;
        }
        EventCatalog? catalog = null;
        if (catalogPath is not null && !EventCatalogJson.TryLoad(catalogPath, out catalog, out var catalogError))
        {
            error.WriteLine($"ltt-trace: {catalogError}");
            return (int)ExitCode.BadInput;
        }
        var report = TraceValidator.Validate(path, catalog);
        if (report.NotATrace)
        {
            // No trace at all is bad input, as for dump and stats; metadata that is there but
            // wrong is what validation reports.
            foreach (var d in report.Findings)
                error.WriteLine($"ltt-trace: {d}");
            return (int)ExitCode.BadInput;
        }
        if (json)
            ValidationReportWriter.WriteJson(report, output);
        else
            ValidationReportWriter.WriteText(report, output);
        if (junit is not null && AtomicFile.Write(junit, ValidationJunit.Render(report)) is { } junitError)
        {
            error.WriteLine($"ltt-trace validate: --junit {junitError}");
            return (int)ExitCode.BadInput;
        }
        return report.Passed ? (int)ExitCode.Success : (int)ExitCode.CheckFailed;
    }
}
