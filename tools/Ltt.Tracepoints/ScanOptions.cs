namespace Ltt.Tracepoints;

/// <summary>
/// Everything a scan depends on, with its defaults in one place. Only <see cref="Tree"/> is required.
/// </summary>
public sealed class ScanOptions
{
    /// <summary>The kernel source tree to scan (the folder holding <c>include/</c> and <c>arch/</c>).</summary>
    public required string Tree { get; init; }

    /// <summary>
    /// A configured build directory (the kernel's <c>O=</c> folder, or a Debian
    /// <c>linux-headers-*-amd64</c> folder) for <c>.config</c> and generated headers; null when the tree
    /// itself is configured, or is not.
    /// </summary>
    public string? BuildDirectory { get; init; }

    /// <summary>The target architecture, as <c>uname -m</c> or Kbuild's <c>ARCH</c> spells it.</summary>
    public string Arch { get; init; } = "x86_64";

    /// <summary>
    /// Folders or files, relative to <see cref="Tree"/>, to look for sites in; empty means the whole tree.
    /// Headers outside them are still read when a scanned file includes them.
    /// </summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>How many headers are parsed at once; 0 means one per processor.</summary>
    public int Parallelism { get; init; }

    /// <summary>gcc's own include directory (<c>gcc -print-file-name=include</c>); null to ask gcc.</summary>
    public string? CompilerIncludeDirectory { get; init; }

    /// <summary>Called from worker threads after each file is parsed; never called concurrently.</summary>
    public Action<ScanProgress>? Progress { get; init; }

    /// <summary>True when <paramref name="arch"/> names an architecture the scanner can compile for.</summary>
    public static bool IsSupportedArch(string arch) => Architecture.Find(arch) is not null;

    /// <summary>Files the tree keeps for the tracing machinery itself: they define the macros, they hold no sites.</summary>
    public static IReadOnlyList<string> MachineryFiles { get; } =
    [
        "include/linux/tracepoint.h",
        "include/linux/tracepoint-defs.h",
        "include/linux/trace_events.h",
        "include/trace/define_trace.h",
        "include/trace/define_custom_trace.h",
        "include/trace/trace_events.h",
        "include/trace/trace_custom_events.h",
        "include/trace/perf.h",
        "include/trace/bpf_probe.h",
        "include/trace/syscall.h",
        "include/trace/stages/",
        "include/trace/ftrace.h",
        "kernel/trace/",
        "samples/",
        "tools/",
        "Documentation/",
        "scripts/",
    ];
}
