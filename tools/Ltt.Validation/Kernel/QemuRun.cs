using Ltt.IO;

namespace Ltt.Validation.Kernel;

/// <summary>
/// Boots the guest in QEMU, under KVM or TCG (the caller chooses, see <see cref="QemuAccelerator"/>);
/// the serial console goes to a file the caller can follow while the guest runs; the output
/// folder is the guest's 9p share; a raw disk is its <c>/dev/vda</c>.
/// </summary>
public static class QemuRun
{
    /// <summary>True when this process may use KVM.</summary>
    public static bool KvmUsable()
    {
        try
        {
            using var kvm = new FileStream("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static IReadOnlyList<string> Arguments(string vmlinuz, string initrd, string share, string disk, string console, int cpus, int memoryMiB, bool kvm) =>
    [
        "-machine", "q35", "-accel", kvm ? "kvm" : "tcg", .. kvm ? new[] { "-cpu", "host" } : [],
        "-m", memoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-smp", cpus.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-display", "none", "-vga", "none", "-monitor", "none", "-no-reboot",
        "-serial", "file:" + console,
        "-kernel", vmlinuz, "-initrd", initrd,
        "-append", "console=ttyS0 quiet panic=-1 loglevel=4",
        "-virtfs", $"local,path={share},mount_tag=out,security_model=none,id=out",
        "-drive", $"file={disk},if=virtio,format=raw",
        "-nic", "none",
    ];

    /// <summary>
    /// Runs QEMU to the guest's power-off (or <paramref name="timeout"/>), calling
    /// <paramref name="onConsoleLine"/> with each new console line that starts with <c>ltt-guest:</c>.
    /// With <paramref name="firstLineWithin"/>, QEMU is stopped (<see cref="ToolRun.Cancelled"/>)
    /// when the guest has printed no such line by then: a guest that hangs before its init runs.
    /// </summary>
    public static ToolRun Run(string qemu, IReadOnlyList<string> arguments, string console, TimeSpan timeout, Action<string> onConsoleLine,
        TimeSpan? firstLineWithin = null)
    {
        using var stop = new CancellationTokenSource();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var run = Task.Run(() => ToolRun.Start(qemu, arguments, timeout: timeout, cancel: stop.Token));
        long seen = 0;
        string partial = "";
        bool anyLine = false;
        while (!run.Wait(TimeSpan.FromSeconds(1)))
        {
            Follow();
            if (!anyLine && started.Elapsed > firstLineWithin)
                stop.Cancel();
        }
        Follow();
        return run.Result;

        void Follow()
        {
            if (!File.Exists(console))
                return;
            using var stream = new FileStream(console, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length <= seen)
                return;
            stream.Seek(seen, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            string text = partial + reader.ReadToEnd();
            seen = stream.Length;
            int last = text.LastIndexOf('\n');
            partial = last < 0 ? text : text[(last + 1)..];
            if (last < 0)
                return;
            foreach (string line in text[..last].Split('\n'))
            {
                string trimmed = line.Trim('\r', ' ');
                if (trimmed.StartsWith("ltt-guest:", StringComparison.Ordinal))
                {
                    anyLine = true;
                    onConsoleLine(trimmed);
                }
            }
        }
    }
}
