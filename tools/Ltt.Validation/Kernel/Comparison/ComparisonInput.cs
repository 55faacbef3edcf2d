namespace Ltt.Validation.Kernel.Comparison;

/// <summary>What a comparison reads: our CTF trace, the generator's events.json, ftrace's record and the fields the generator left out.</summary>
/// <param name="CtfTrace">Directory of our trace (<c>metadata</c> and one stream file per CPU, each packet with its <c>cpu_id</c>).</param>
/// <param name="EventsJson">The generator's <c>events.json</c>: our events and fields; a field compares with ftrace's field of the same name.</param>
/// <param name="Ftrace">The copy of tracefs (<see cref="Ltt.Trace.Ftrace.FtraceRecord"/>).</param>
public sealed record ComparisonInput(
    string CtfTrace,
    string EventsJson,
    string Ftrace,
    IReadOnlyList<NotRecordedField> NotRecorded,
    ComparisonOptions Options)
{
    /// <summary>
    /// Fields (<c>event.field</c>) whose value each probe reads from the kernel's tick counter
    /// (<c>__entry-&gt;now = jiffies</c>) rather than from the tracepoint's arguments: a tick
    /// between our probe and ftrace's changes it, so they may differ by the ticks that time allows.
    /// </summary>
    public IReadOnlySet<string> TickFields { get; init; } = new HashSet<string>();
}
