using Ltt.Trace.Reader;

namespace Ltt.Trace.Ftrace;

/// <summary>What opening an ftrace copy produced: the record when every file held, and every diagnostic.</summary>
public sealed record FtraceOpenResult(FtraceRecord? Record, IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    public bool HasErrors => Record is null;
}
