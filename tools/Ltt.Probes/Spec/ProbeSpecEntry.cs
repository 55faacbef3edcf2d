using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Spec;

/// <summary>
/// What the spec says about one tracepoint: <c>sched_switch -&gt; kernel.sched_schedule: prev-&gt;pid, ...</c>.
/// </summary>
/// <param name="Channel">The channel override, or null for the default of the site's system.</param>
/// <param name="Marker">The marker name override, or null for the tracepoint's name.</param>
/// <param name="Items">The values to record, in order; for a TRACE_EVENT site, sources of entry fields.</param>
/// <param name="Skip">True for <c>name: -</c>: generate no probe for this tracepoint.</param>
public sealed record ProbeSpecEntry(
    string Tracepoint,
    string? Channel,
    string? Marker,
    IReadOnlyList<ProbeSpecItem> Items,
    bool Skip,
    SourceLocation Location);
