using Ltt.IO;
using Ltt.Testing;
using Ltt.Tracepoints.Kernels;

namespace Ltt.EndToEnd.Tests;

/// <summary>ltt-gen kprobes as a user runs it: on the real 6.1 source, built by kbuild; and refused with the reason.</summary>
public sealed class GenKprobesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ltt-gen-kprobes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// The functions of the kernel run's default kprobes (templates/guest/kprobes.spec) across fs, mm,
    /// net, sched and block: found in the real source, generated, and built with the kernel's own
    /// warnings on (W=1) into a module that links against the recorder and the exported kernel.
    /// </summary>
    [Fact]
    public void KprobesOnRealFunctionsBuildWithoutAWarning()
    {
        var headers = InstalledKernelHeaders.FindNewest();
        Assert.True(headers is not null, InstalledKernelHeaders.MissingMessage());
        string source = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1");
        Assert.True(File.Exists(Path.Combine(source, "Kconfig")), $"{source}: the unpacked 6.1 source is missing; run 'bash .ci/install'");
        string output = Path.Combine(_dir, "out");

        var (code, stdout, stderr) = GenCli.Run("kprobes", source, "--build", headers.Build, "-o", output,
            "do_sys_openat2:dfd,filename as string,how->flags,how->mode", "vfs_read:$retval", "vfs_write:count,file->f_flags",
            "do_mkdirat:dfd,name->name as string,mode", "vm_mmap_pgoff:addr,len,prot,flag,pgoff", "__sys_socket",
            "tcp_sendmsg:size,sk->sk_sndbuf", "wake_up_new_task:p->pid,p->comm as string", "kernel_clone:args->flags,args->exit_signal",
            "submit_bio:bio->bi_opf,bio->bi_vcnt");

        Assert.True(code == 0, stderr);
        Assert.Contains("10 kprobes in 1 modules", stdout);
        string events = File.ReadAllText(Path.Combine(output, "metadata", "kprobe_events"));
        Assert.Contains("p:ltt/kprobe___sys_socket __sys_socket family=$arg1:s32 type=$arg2:s32 protocol=$arg3:s32\n", events);
        Assert.Contains("r64:ltt/kretprobe_vfs_read vfs_read retval=$retval:s64\n", events);
        string probes = Path.Combine(output, "probes");
        var make = ToolRun.Start("make", ["-C", headers.Build, "M=" + probes, "-j2", "W=1", "modules"], timeout: TimeSpan.FromMinutes(10));
        Assert.True(make.Success && File.Exists(Path.Combine(probes, "kprobes-kprobes.ko")), make.Output + make.Error);
        Assert.DoesNotContain("warning:", make.Output + make.Error);
    }

    [Fact]
    public void AFunctionNoKprobeCanSitOnIsRefusedByNameAndNothingIsWritten()
    {
        string tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "functions");
        string output = Path.Combine(_dir, "refused");

        var (code, _, stderr) = GenCli.Run("kprobes", tree, "-o", output, "demo_open:dfd", "demo_inline:x");

        Assert.Equal(2, code);
        Assert.Contains("<command line>:2: error: kprobe demo_inline: demo_inline (include/linux/demo.h:", stderr);
        Assert.Contains("it is declared static inline", stderr);
        Assert.Contains("ltt-gen kprobes: nothing written", stderr);
        Assert.False(Directory.Exists(output));
    }
}
