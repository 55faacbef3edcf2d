using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Ltt.Trace.Reader;

namespace LttTrace.Commands;

/// <summary>The trace argument the reading commands share, and opening it with its problems reported.</summary>
public static class TraceInput
{
    public static Argument<string> Argument() =>
        new("trace") { Description = "Trace directory (holding 'metadata'), or a directory above several traces." };

    /// <summary>A command whose only input is a trace: <c>ltt-trace NAME TRACE</c>, handled by <paramref name="run"/>(path, output, error).</summary>
    public static Command Command(string name, string description, Func<string, TextWriter, TextWriter, int> run)
    {
        var trace = Argument();
        var command = new Command(name, description);
        command.Arguments.Add(trace);
        command.SetAction(parse => run(parse.GetValue(trace)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Opens the trace; on failure writes each diagnostic to <paramref name="error"/> and returns false.</summary>
    public static bool TryOpen(string path, TextWriter error, [NotNullWhen(true)] out TraceSet? traces)
    {
        var opened = TraceSet.Open(path);
        traces = opened.Traces;
        if (traces is not null)
            return true;
        foreach (var d in opened.Diagnostics)
            error.WriteLine($"ltt-trace: {d}");
        return false;
    }
}
