using System.CommandLine;
using Ltt.Cli;
using Ltt.Trace.Layout;
using Ltt.Trace.Reader;
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
        EventCatalog? catalog = null;
        if (catalogPath is not null && !EventCatalogJson.TryLoad(catalogPath, out catalog, out var catalogError))
        {
            error.WriteLine($"ltt-trace: {catalogError}");
            return (int)ExitCode.BadInput;
        }
        if (!Directory.Exists(path))
        {
            error.WriteLine($"ltt-trace: {path}: no such directory");
            return (int)ExitCode.BadInput;
        }
        var opened = TraceSet.Open(path);
        ValidationReport report;
        if (opened.Traces is not { } traces)
        {
            report = new ValidationReport(path, [("metadata", "the metadata parses and its layouts resolve", opened.Diagnostics)], 0, 0);
        }
        else
        {
            using (traces)
                report = TraceValidator.Validate(path, traces, catalog);
        }
        if (json)
            ValidationReportWriter.WriteJson(report, output);
        else
            ValidationReportWriter.WriteText(report, output);
        if (junit is not null)
            ValidationReportWriter.WriteJunit(report, junit);
        return report.Passed ? (int)ExitCode.Success : (int)ExitCode.CheckFailed;
    }
}
