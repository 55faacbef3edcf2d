using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

/// <summary>
/// The accelerator choice, against a stand-in for qemu-system-x86_64 that behaves as QEMU does
/// on these machines: under KVM it aborts (exit 134, "failed to set MSR") or hangs silently;
/// under TCG the guest prints its first line to the serial file.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GuestBootTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void Auto_boots_again_under_TCG_when_QEMU_aborts_under_KVM()
    {
        var boot = Boot("echo 'qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69' >&2; exit 134", QemuAccelerator.Auto);

        Assert.True(boot.Run.Success, boot.Run.Error);
        Assert.Contains("ltt-guest: boot tcg", boot.Lines);
        Assert.Equal("KVM did not boot the guest (QEMU exit 134: qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69); it ran under TCG", Assert.Single(boot.Notes));
    }

    [Fact]
    public void Auto_gives_up_on_a_KVM_guest_that_prints_nothing()
    {
        var boot = Boot("sleep 60", QemuAccelerator.Auto, kvmBootLimit: TimeSpan.FromSeconds(2));

        Assert.True(boot.Run.Success, boot.Run.Error);
        Assert.Contains("ltt-guest: boot tcg", boot.Lines);
        Assert.Equal("KVM did not boot the guest (the guest printed nothing in 2 s); it ran under TCG", Assert.Single(boot.Notes));
    }

    [Fact]
    public void Auto_keeps_KVM_when_the_guest_boots_under_it()
    {
        var boot = Boot("", QemuAccelerator.Auto);

        Assert.True(boot.Run.Success, boot.Run.Error);
        Assert.Contains("ltt-guest: boot kvm", boot.Lines);
        Assert.DoesNotContain("ltt-guest: boot tcg", boot.Lines);
        Assert.Equal("the guest ran under KVM", Assert.Single(boot.Notes));
    }

    [Fact]
    public void Auto_without_dev_kvm_goes_straight_to_TCG()
    {
        var boot = Boot("exit 134", QemuAccelerator.Auto, kvmOpens: false);

        Assert.True(boot.Run.Success, boot.Run.Error);
        Assert.Contains("ltt-guest: boot tcg", boot.Lines);
        Assert.Equal("the guest ran under TCG (no usable /dev/kvm)", Assert.Single(boot.Notes));
    }

    [Fact]
    public void Asking_for_KVM_gets_KVM_or_its_failure_never_TCG()
    {
        var boot = Boot("exit 134", QemuAccelerator.Kvm);

        Assert.Equal(134, boot.Run.ExitCode);
        Assert.DoesNotContain(boot.Lines, l => l.Contains("tcg", StringComparison.Ordinal));
    }

    [Fact]
    public void Asking_for_TCG_never_tries_KVM()
    {
        var boot = Boot("touch kvm-was-tried; exit 134", QemuAccelerator.Tcg);

        Assert.True(boot.Run.Success, boot.Run.Error);
        Assert.False(boot.KvmTried);
        Assert.Equal("the guest ran under TCG", Assert.Single(boot.Notes));
    }

    private sealed record BootResult(Ltt.IO.ToolRun Run, List<string> Lines, List<string> Notes, bool KvmTried);

    /// <summary>Boots the stand-in QEMU, which runs <paramref name="kvm"/> when asked for KVM.</summary>
    private static BootResult Boot(string kvm, QemuAccelerator accelerator, bool kvmOpens = true, TimeSpan? kvmBootLimit = null)
    {
        using var dir = new TempDir();
        var (qemu, console) = FakeQemu(dir, kvm);
        var notes = new List<string>();
        var lines = new List<string>();
        var run = GuestBoot.Run(qemu, accelerator, kvmOpens, Arguments(console), console, Timeout, kvmBootLimit ?? TimeSpan.FromSeconds(20), lines.Add, notes);
        return new BootResult(run, lines, notes, File.Exists(Path.Combine(dir.Path, "kvm-was-tried")));
    }

    private static Func<bool, IReadOnlyList<string>> Arguments(string console) =>
        kvm => ["-accel", kvm ? "kvm" : "tcg", "-serial", "file:" + console];

    /// <summary>A QEMU stand-in: runs <paramref name="kvm"/> under KVM first, then (both ways) prints the guest's first line.</summary>
    private static (string Qemu, string Console) FakeQemu(TempDir dir, string kvm)
    {
        string qemu = Path.Combine(dir.Path, "qemu");
        File.WriteAllText(qemu, $"""
            #!/bin/sh
            cd '{dir.Path}'
            accel=; console=
            while [ $# -gt 0 ]; do
            	case "$1" in
            	-accel) accel=$2; shift ;;
            	-serial) console=$(echo "$2" | sed 's/^file://'); shift ;;
            	esac
            	shift
            done
            if [ "$accel" = kvm ]; then
            	{kvm}
            	:
            fi
            printf 'booting\nltt-guest: boot %s\n' "$accel" > "$console"
            exit 0

            """);
        File.SetUnixFileMode(qemu, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (qemu, Path.Combine(dir.Path, "console.log"));
    }
}
