using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Spec;

/// <summary>
/// A dynamic probe the spec asks for: <c>kprobe do_sys_openat2 -&gt; fs.open: dfd, filename as string, how-&gt;flags</c>
/// records at the function's entry; <c>kretprobe vfs_read -&gt; fs.read_ret: $retval</c> at its return.
/// </summary>
/// <param name="Items">The values, from the function's parameters (or <c>retval</c>); empty for every scalar parameter.</param>
public sealed record KprobeSpecEntry(
    string Function,
    bool Return,
    string Channel,
    string Marker,
    IReadOnlyList<ProbeSpecItem> Items,
    SourceLocation Location)
{
    /// <summary>The event's name, in our trace and as ftrace's kprobe event: <c>kprobe_do_sys_openat2</c>.</summary>
    public string EventName => (Return ? "kretprobe_" : "kprobe_") + Function;

    /// <summary>The name a kretprobe's return value goes by in the spec (<c>$retval</c>) and in the payload.</summary>
    public const string ReturnValue = "retval";
}
