namespace Ltt.Validation.Kernel;

/// <summary>
/// Everything <see cref="KernelRun"/> depends on, defaults here. Unset paths are found: the newest
/// installed generic headers, then the image and modules of their release
/// (<see cref="KernelImages"/>), QEMU and busybox on the machine.
/// </summary>
public sealed record KernelRunOptions
{
    /// <summary>Where everything goes: generated probes, built modules, initramfs, console log, both traces, the report.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The kernel headers' build folder (<c>/usr/src/linux-headers-&lt;release&gt;</c>); null for the newest generic one.</summary>
    public string? Build { get; init; }

    /// <summary>The compressed kernel image to boot; null to find the one of the headers' release.</summary>
    public string? Kernel { get; init; }

    /// <summary>The image's <c>lib/modules/&lt;release&gt;</c> folder (with <c>modules.dep</c>); null to find it.</summary>
    public string? Modules { get; init; }

    /// <summary>A full source tree of the same kernel, for the private headers some trace headers include.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The kernel source tree where the kprobes' functions are looked up (their definitions are in
    /// .c files, which the headers do not have); default <see cref="Source"/>, else <c>.cache/linux-source-6.1</c> of the current
    /// folder (where <c>.ci/install</c> unpacks it) or an unpacked <c>/usr/src/linux-source-*</c>.
    /// </summary>
    public string? FunctionsTree { get; init; }

    /// <summary>The spec whose <c>kprobe</c> statements the run generates and compares; default <c>templates/guest/kprobes.spec</c>.</summary>
    public string? KprobeSpec { get; init; }

    /// <summary>Virtual CPUs of the guest.</summary>
    public int Cpus { get; init; } = 2;

    /// <summary>Guest memory in MiB (both tracers' buffers live in it).</summary>
    public int MemoryMiB { get; init; } = 1536;

    /// <summary>Lost events on either side do not fail the run (they are still reported).</summary>
    public bool AllowLoss { get; init; }

    /// <summary>
    /// Largest |our timestamp - ftrace's| for one hit. Both probes read the same clock back to back
    /// (about 1 µs apart under TCG), but the host may take the vCPU's thread off its core between
    /// them: 17 ms was seen on a loaded 2-core host. 50 ms allows that and still catches a wrong
    /// clock or a wrongly extended 27-bit compact timestamp (off by multiples of 2^27 ns, 134 ms).
    /// </summary>
    public long TimestampBoundNs { get; init; } = 50_000_000;

    /// <summary>The templates root (holding <c>probes/tracepoint/</c>, <c>metadata/</c> and <c>guest/</c>); null for the shipped one.</summary>
    public string? TemplatesRoot { get; init; }

    /// <summary>What is scanned for tracepoints, relative to the headers' source tree.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["include/trace/events"];

    /// <summary>Folders searched for <c>boot/vmlinuz-&lt;release&gt;</c> when <see cref="Kernel"/> is unset.</summary>
    public IReadOnlyList<string> ImageRoots { get; init; } = KernelImages.DefaultRoots(Environment.CurrentDirectory);

    /// <summary>Parallel kbuild jobs; 0 for one per processor.</summary>
    public int BuildJobs { get; init; }

    /// <summary>Our ring buffer per CPU: sub-buffers of <see cref="SubbufferKiB"/> KiB.</summary>
    public int Subbuffers { get; init; } = 64;

    public int SubbufferKiB { get; init; } = 512;

    /// <summary>ftrace's buffer per CPU, in KiB (tracefs <c>buffer_size_kb</c>).</summary>
    public int FtraceBufferKiB { get; init; } = 32768;

    /// <summary>KVM, TCG, or KVM when it boots the guest and TCG otherwise.</summary>
    public QemuAccelerator Accelerator { get; init; } = QemuAccelerator.Auto;

    /// <summary>How long the guest may take from boot to power-off.</summary>
    public TimeSpan GuestTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public string Qemu { get; init; } = "qemu-system-x86_64";

    /// <summary>A statically linked busybox (Debian's busybox-static installs it as /bin/busybox).</summary>
    public string Busybox { get; init; } = "/bin/busybox";

    public string Gcc { get; init; } = "gcc";

    public string Make { get; init; } = "make";

    public string Mkfs { get; init; } = "mkfs.ext4";

    /// <summary>
    /// Run again in the <see cref="OutputFolder"/> of an earlier run: generated files are rewritten
    /// only where they changed, so kbuild rebuilds only what changed (for working on the templates
    /// or the guest side without rebuilding every module).
    /// </summary>
    public bool ReuseBuild { get; init; }

    /// <summary>The templates root in use.</summary>
    public string ResolvedTemplatesRoot => TemplatesRoot ?? Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>The kprobe spec in use.</summary>
    public string ResolvedKprobeSpec => KprobeSpec ?? Path.Combine(ResolvedTemplatesRoot, "guest", "kprobes.spec");

    /// <summary>The tree the kprobes' functions are looked up in (see <see cref="FunctionsTree"/>), or null when none is at hand.</summary>
    public string? ResolvedFunctionsTree()
    {
        if ((FunctionsTree ?? Source) is { } given)
            return given;
        // Where .ci/install unpacks Debian's linux-source tarball, as KernelImages looks for the image.
        var candidates = new List<string> { Path.Combine(Environment.CurrentDirectory, ".cache", "linux-source-6.1") };
        if (Directory.Exists("/usr/src"))
            candidates.AddRange(Directory.GetDirectories("/usr/src", "linux-source-*").Order(StringComparer.Ordinal).Reverse());
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "Makefile")) && Directory.Exists(Path.Combine(c, "fs")) && Directory.Exists(Path.Combine(c, "kernel")));
    }
}
