namespace Ltt.Probes.Plan;

/// <summary>One probe module: every event of one channel (<c>kernel-trace.c</c> for channel <c>kernel</c>).</summary>
/// <param name="Includes">The headers the module includes: the spec's extra ones for the channel first, then the tracepoints' headers, sorted.</param>
public sealed record ProbeModule(string Channel, IReadOnlyList<ProbeEvent> Events, IReadOnlyList<string> Includes)
{
    /// <summary>True for a module of dynamic probes (kprobes), which a channel's tracepoint probes never share.</summary>
    public bool Kprobes { get; init; }

    /// <summary>The module's base name, as in the LTTng patchset: <c>kernel-trace</c>; <c>fs-kprobes</c> for kprobes.</summary>
    public string Name => Channel.Replace('_', '-') + (Kprobes ? "-kprobes" : "-trace");
}
