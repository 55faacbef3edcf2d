namespace Ltt.Probes.Spec;

/// <summary>
/// The probe specification kept in a tree (<c>ltt/probes.spec</c>): which values each probe
/// records, the members recorded for a struct pointer when an entry is silent, the channel of
/// each trace system and the headers a module needs. The file format is described in
/// <c>kernel-tree/ltt/probes.spec</c> itself.
/// </summary>
/// <param name="Structs">Members recorded by default for a pointer to a struct (<c>struct task_struct: pid</c>);
/// an empty list means "record nothing" for that struct.</param>
/// <param name="Channels">Trace system to channel (<c>channel sched kernel</c>).</param>
/// <param name="Includes">Extra headers per channel (<c>include kernel linux/sched.h</c>).</param>
public sealed record ProbeSpec(
    string File,
    IReadOnlyDictionary<string, ProbeSpecEntry> Entries,
    IReadOnlyDictionary<string, StructDefault> Structs,
    IReadOnlyDictionary<string, string> Channels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Includes)
{
    /// <summary>The <c>kprobe</c> and <c>kretprobe</c> statements, in file order.</summary>
    public IReadOnlyList<KprobeSpecEntry> Kprobes { get; init; } = [];

    public static ProbeSpec Empty { get; } = new(
        "ltt/probes.spec",
        new Dictionary<string, ProbeSpecEntry>(),
        new Dictionary<string, StructDefault>(),
        new Dictionary<string, string>(),
        new Dictionary<string, IReadOnlyList<string>>());
}
