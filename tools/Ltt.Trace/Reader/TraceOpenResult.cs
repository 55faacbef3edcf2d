namespace Ltt.Trace.Reader;

/// <summary>What opening a trace produced: the trace set when its metadata held, and every diagnostic.</summary>
public sealed record TraceOpenResult(TraceSet? Traces, IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    public bool HasErrors => Traces is null;
}
