using Ltt.IO;

namespace Ltt.Validation.Kernel;

/// <summary>
/// Chooses the accelerator and boots the guest with it. Under <see cref="QemuAccelerator.Auto"/>
/// a KVM boot that ends or stays silent before the guest's first <c>ltt-guest:</c> line is
/// booted again under TCG, and a note says why: nested KVM on cloud machines may abort QEMU
/// ("failed to set MSR", exit 134) or run a guest that never gets to its init.
/// </summary>
public static class GuestBoot
{
    /// <summary>How long a KVM guest may take to print its first line before Auto gives up on KVM (TCG boots in under 10 s here).</summary>
    public static readonly TimeSpan KvmBootLimit = TimeSpan.FromSeconds(30);

    /// <param name="arguments">QEMU's arguments for KVM (true) or TCG (false).</param>
    /// <param name="kvmOpens">Whether this process may open <c>/dev/kvm</c> (<see cref="QemuRun.KvmUsable"/>).</param>
    public static ToolRun Run(string qemu, QemuAccelerator accelerator, bool kvmOpens, Func<bool, IReadOnlyList<string>> arguments,
        string console, TimeSpan timeout, TimeSpan kvmBootLimit, Action<string> progress, List<string> notes)
    {
        if (accelerator == QemuAccelerator.Kvm || (accelerator == QemuAccelerator.Auto && kvmOpens))
        {
            progress("booting under KVM");
            bool booted = false;
            var kvm = QemuRun.Run(qemu, arguments(true), console, timeout, line =>
            {
                booted = true;
                progress(line);
            }, accelerator == QemuAccelerator.Auto ? kvmBootLimit : null);
            if (booted || accelerator == QemuAccelerator.Kvm)
            {
                notes.Add("the guest ran under KVM");
                return kvm;
            }
            string why = kvm.Cancelled
                ? $"the guest printed nothing in {kvmBootLimit.TotalSeconds:0} s"
                : $"QEMU exit {kvm.ExitCode}: {LastLine(kvm.Error)}";
            notes.Add($"KVM did not boot the guest ({why}); it ran under TCG");
            progress($"KVM did not boot the guest ({why}); booting again under TCG");
            File.Delete(console);
        }
        else
        {
            notes.Add(accelerator == QemuAccelerator.Tcg ? "the guest ran under TCG" : "the guest ran under TCG (no usable /dev/kvm)");
            progress("booting under TCG");
        }
        return QemuRun.Run(qemu, arguments(false), console, timeout, progress);
    }

    private static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no message" : lines[^1];
    }
}
