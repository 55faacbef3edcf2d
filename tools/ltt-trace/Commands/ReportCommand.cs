using System.CommandLine;
using Ltt.Cli;
using Ltt.Html;
using Ltt.IO;
using Ltt.Trace.Reader.Profile;

namespace LttTrace.Commands;

/// <summary><c>ltt-trace report TRACE -o FILE.html</c>: the trace as one self-contained HTML page of charts and tables.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var trace = TraceInput.Argument();
        var outputFile = new Option<string>("--output", "-o") { Description = "The HTML file to write (whole or not at all).", Required = true };
        var command = new Command("report", "Read the trace once and write an HTML report: a timeline per CPU with losses marked, events per class, streams, environment and clocks.");
        command.Arguments.Add(trace);
        command.Options.Add(outputFile);
        command.SetAction(parse => Run(parse.GetValue(trace)!, parse.GetValue(outputFile)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, string htmlFile, TextWriter output, TextWriter error)
    {
        if (AtomicFile.CheckWritable(htmlFile) is { } problem)
        {
            error.WriteLine($"ltt-trace report: -o {problem}");
            return (int)ExitCode.BadInput;
        }
        if (!TraceInput.TryOpen(path, error, out var traces))
            return (int)ExitCode.BadInput;
        TraceProfile profile;
        using (traces)
            profile = TraceReadProgress.Run("report", path, error, writesWhileReading: false, () => TraceProfile.Collect(traces));
        string title = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        if (AtomicFile.Write(htmlFile, TraceReportPage.Render(profile, title)) is { } failure)
        {
            error.WriteLine($"ltt-trace report: {failure}");
            return (int)ExitCode.BadInput;
        }
        output.WriteLine($"wrote {htmlFile}: {profile.Events} events, {profile.Rows.Count} timeline row(s), {profile.PerEventClass.Count} event class(es)");
        // The page lists what was wrong with the trace too; the exit code says it as stats does.
        foreach (var d in profile.Diagnostics)
            error.WriteLine($"ltt-trace: {d}");
        return profile.Diagnostics.Count == 0 ? (int)ExitCode.Success : (int)ExitCode.BadInput;
    }
}
