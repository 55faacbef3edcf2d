namespace Ltt.Trace.Reader.Text;

/// <summary>Prints every event of a trace in babeltrace2's text format.</summary>
public static class TraceDump
{
    /// <summary>What a dump did: events printed, and the diagnostics that stopped a stream early (none when the trace is sound).</summary>
    public sealed record Result(long Events, IReadOnlyList<TraceDiagnostic> Diagnostics);

    public static Result Write(TraceSet traces, Stream destination)
    {
        var output = new Utf8Output(destination);
        var printer = new TextPrinter(output);
        long events = 0;
        while (traces.MoveNext())
        {
            printer.Print(traces.Current);
            events++;
        }
        output.Flush();
        return new Result(events, traces.Diagnostics.ToList());
    }
}
