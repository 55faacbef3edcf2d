using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>
/// One named check over a stream as it is read: sees each packet start and each decoded event,
/// in file order, and reports what does not hold. An instance sees one stream (its state is that
/// stream's). Passes are small and independent, like babeltrace2's metadata passes;
/// <see cref="TraceValidator"/> runs them together in one read, a set per stream.
/// </summary>
public interface ITracePass
{
    /// <summary>Short name used in reports (<c>timestamps</c>).</summary>
    string Name { get; }

    /// <summary>What the pass checks, one line, for reports.</summary>
    string Description { get; }

    void OnPacket(StreamCursor stream, List<TraceDiagnostic> findings);

    void OnEvent(StreamCursor stream, List<TraceDiagnostic> findings);
}
