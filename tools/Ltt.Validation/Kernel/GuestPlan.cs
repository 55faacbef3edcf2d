namespace Ltt.Validation.Kernel;

/// <summary>
/// What the guest is given: the kernel's own modules to load at boot and to load and unload in
/// the workload (files relative to the image's modules folder, dependencies first), our modules
/// (the recorder, then the probe modules), ftrace's kprobe events for our kprobes, and the settings both tracers get.
/// </summary>
public sealed record GuestPlan(
    IReadOnlyList<string> BootModules,
    IReadOnlyList<string> CycleModules,
    IReadOnlyList<string> ProbeModules,
    string RecorderParameters,
    int FtraceBufferKiB,
    string Clock)
{
    /// <summary>ftrace's kprobe events for the same functions as our kprobe modules (<c>kprobe_events</c> lines), or empty.</summary>
    public string KprobeEvents { get; init; } = "";
}
