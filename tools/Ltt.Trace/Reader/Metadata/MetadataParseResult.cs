namespace Ltt.Trace.Reader.Metadata;

/// <summary>What parsing metadata produced: the trace class when it holds, and every diagnostic.</summary>
public sealed record MetadataParseResult(CtfTraceClass? Trace, IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    public bool HasErrors => Trace is null;
}
