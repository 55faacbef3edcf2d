namespace Ltt.Trace.Reader.Text;

/// <summary>
/// Prints every event of a trace in babeltrace2's text format, in babeltrace2's order. With
/// several cores the streams are decoded and formatted in parallel and merged by time
/// (<see cref="ParallelDump"/>); the bytes are the same either way.
/// </summary>
public static class TraceDump
{
    /// <summary>What a dump did: events printed, and the diagnostics that stopped a stream early (none when the trace is sound).</summary>
    public sealed record Result(long Events, IReadOnlyList<TraceDiagnostic> Diagnostics);

    public static Result Write(TraceSet traces, Stream destination) => Write(traces, destination, parallel: Environment.ProcessorCount > 1);

    /// <summary>Prints the trace; <paramref name="parallel"/> false walks the streams' merge on the calling thread alone.</summary>
    public static Result Write(TraceSet traces, Stream destination, bool parallel)
    {
        var output = new Utf8Output(destination, 1 << 20);
        long events = 0;
        if (parallel && traces.Streams.Count > 0)
        {
            events = ParallelDump.Write(traces.Streams, output);
        }
        else
        {
            var printer = new TextPrinter(output);
            while (traces.MoveNext())
            {
                printer.Print(traces.Current);
                events++;
            }
            output.Flush();
        }
        return new Result(events, traces.Diagnostics.ToList());
    }
}
