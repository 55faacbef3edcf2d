namespace Ltt.Probes.Plan;

/// <summary>
/// Defaults used when the spec is silent: the channel of common trace systems, and the members
/// recorded for a pointer to a well-known kernel struct. A default member the scanned struct
/// does not have is not an error: the pointer itself is recorded instead.
/// </summary>
internal static class WellKnown
{
    private static readonly Dictionary<string, string> SystemChannels = new(StringComparer.Ordinal)
    {
        ["sched"] = "kernel", ["irq"] = "kernel", ["softirq"] = "kernel", ["timer"] = "kernel",
        ["kernel"] = "kernel", ["workqueue"] = "kernel", ["signal"] = "kernel", ["power"] = "kernel",
        ["ipi"] = "kernel", ["syscalls"] = "kernel", ["raw_syscalls"] = "kernel", ["task"] = "kernel",
        ["fs"] = "fs", ["vfs"] = "fs", ["writeback"] = "fs", ["filelock"] = "fs",
        ["mm"] = "mm", ["kmem"] = "mm", ["vmscan"] = "mm", ["pagemap"] = "mm", ["filemap"] = "mm",
        ["compaction"] = "mm", ["page"] = "mm", ["memory"] = "mm",
        ["block"] = "block", ["bio"] = "block",
        ["net"] = "net", ["skb"] = "net", ["napi"] = "net", ["sock"] = "net", ["tcp"] = "net", ["udp"] = "net",
    };

    private static readonly Dictionary<string, string[]> StructMembers = new(StringComparer.Ordinal)
    {
        ["task_struct"] = ["pid"],
        ["rq"] = [],
        ["inode"] = ["i_ino"],
        ["sk_buff"] = ["len"],
        ["net_device"] = ["ifindex"],
        ["request_queue"] = [],
    };

    public static string ChannelOf(string system) =>
        SystemChannels.TryGetValue(system, out string? channel) ? channel : system;

    public static bool TryGetMembers(string structName, out string[] members) =>
        StructMembers.TryGetValue(structName, out members!);
}
