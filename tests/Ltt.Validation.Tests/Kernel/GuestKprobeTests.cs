using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

/// <summary>What the guest says of our kprobes: the lines the kprobe modules' debugfs files give, and the kprobe_events lines ftrace refused.</summary>
public sealed class GuestKprobeTests
{
    [Fact]
    public void RegisteredAndFailedKprobesAreReadWithTheirErrors()
    {
        string folder = Directory.CreateTempSubdirectory("ltt-guest-kprobes-").FullName;
        try
        {
            string guest = Path.Combine(folder, "guest");
            Directory.CreateDirectory(guest);
            File.WriteAllText(Path.Combine(guest, "kprobes"),
                "fs_kprobes kprobe_do_sys_openat2 registered\nfs_kprobes kprobe_gone failed -2\nfs_kprobes kprobe_odd failed what\nnot a line\n");
            File.WriteAllText(Path.Combine(guest, "kprobe-events-failed"), "p:ltt/kprobe_gone gone\n");

            var report = GuestReport.Read(folder);

            Assert.Equal(
                [("kprobe_do_sys_openat2", 0, true), ("kprobe_gone", -2, false), ("kprobe_odd", -1, false)],
                report.Kprobes.Select(k => (k.Event, k.Error, k.Registered)));
            Assert.Equal(["p:ltt/kprobe_gone gone"], report.KprobeEventsRefused);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
