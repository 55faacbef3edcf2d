using Ltt.Trace.Reader;

namespace Ltt.Trace.Validation;

/// <summary>The outcome of validating a trace: every pass run, what each found, and how much was checked.</summary>
public sealed record ValidationReport(
    string Trace,
    IReadOnlyList<(string Name, string Description, IReadOnlyList<TraceDiagnostic> Findings)> Passes,
    long Events,
    long Packets)
{
    public bool Passed => Passes.All(p => p.Findings.Count == 0);

    /// <summary>There was no trace to validate: no such folder, no <c>metadata</c> file in it or below.</summary>
    public bool NotATrace { get; init; }

    /// <summary>Packets the trace says were lost (sequence-number gaps): reported, not a failure.</summary>
    public long LostPackets { get; init; }

    /// <summary>Events the tracer says it discarded (the packets' events_discarded counters): reported, not a failure.</summary>
    public ulong DiscardedEvents { get; init; }

    public IEnumerable<TraceDiagnostic> Findings => Passes.SelectMany(p => p.Findings);
}
