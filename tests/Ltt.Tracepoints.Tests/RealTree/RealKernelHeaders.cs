using Ltt.Tracepoints.Kernels;

namespace Ltt.Tracepoints.Tests.RealTree;

/// <summary>
/// The real Debian 6.1 kernel headers the real-tree tests read (the newest installed generic ones, package
/// linux-headers-amd64, installed by .ci/install), and the gcc flags Kbuild gives a module file there (taken from `make V=1` on that tree).
/// </summary>
internal static class RealKernelHeaders
{
    private static readonly KernelHeaders? Found = InstalledKernelHeaders.FindNewest();

    public static string Common => Found?.Common ?? "(no installed kernel headers)";

    public static string Build => Found?.Build ?? "(no installed kernel headers)";

    public static void Require()
    {
        Assert.True(Found is not null, InstalledKernelHeaders.MissingMessage());
        Assert.Empty(Found.MissingParts());
    }

    /// <param name="source">The source tree the headers come from: the headers package's by default, or the whole
    /// unpacked source (its generated headers still come from the configured build).</param>
    public static List<string> GccFlags(string? source = null)
    {
        var (code, output, _) = Gcc.Run(["-print-file-name=include"]);
        Assert.True(code == 0, "gcc is missing: run .ci/install");
        string tree = source ?? Common;
        return
        [
            "-nostdinc", "-isystem", output.Trim(),
            $"-I{tree}/arch/x86/include", $"-I{Build}/arch/x86/include/generated", $"-I{tree}/include", $"-I{Build}/include",
            $"-I{tree}/arch/x86/include/uapi", $"-I{Build}/arch/x86/include/generated/uapi", $"-I{tree}/include/uapi",
            $"-I{Build}/include/generated/uapi",
            "-include", $"{tree}/include/linux/compiler-version.h", "-include", $"{tree}/include/linux/kconfig.h",
            "-include", $"{tree}/include/linux/compiler_types.h",
            "-D__KERNEL__", "-DMODULE", "-DKBUILD_MODNAME=\"layout_check\"", "-DKBUILD_BASENAME=\"layout_check\"",
            "-D__KBUILD_MODNAME=kmod_layout_check", "-std=gnu11", "-fshort-wchar", "-fno-strict-aliasing", "-fno-common",
            "-m64", "-pg", "-mrecord-mcount", "-mfentry", "-DCC_USING_FENTRY", "-mno-sse", "-mno-mmx", "-mno-sse2", "-mno-avx", "-mno-80387", "-w",
        ];
    }
}
