using System.Diagnostics;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// The compiler arguments a kernel build gives a file, rebuilt for libclang: <c>-nostdinc</c> with gcc's
/// own include directory, the tree's and the build directory's include folders in Kbuild's order, the
/// config through <c>kconfig.h</c>, and the target triple of the architecture.
/// </summary>
internal sealed class KernelCompilerFlags
{
    private KernelCompilerFlags(IReadOnlyList<string> arguments, IReadOnlyList<string> forcedIncludes, bool hasConfig)
    {
        Arguments = arguments;
        ForcedIncludes = forcedIncludes;
        HasConfig = hasConfig;
    }

    /// <summary>Everything but the forced includes.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The files Kbuild passes with <c>-include</c> (compiler-version.h, kconfig.h, compiler_types.h).</summary>
    public IReadOnlyList<string> ForcedIncludes { get; }

    /// <summary>True when a generated autoconf.h was found, so CONFIG_ symbols are the tree's real ones.</summary>
    public bool HasConfig { get; }

    public static string? SourceArch(string arch) => arch switch
    {
        "x86_64" or "amd64" or "i386" or "i686" or "x86" => "x86",
        "arm64" or "aarch64" => "arm64",
        "arm" => "arm",
        "riscv64" or "riscv32" or "riscv" => "riscv",
        "ppc64" or "ppc64le" or "powerpc" => "powerpc",
        "s390x" or "s390" => "s390",
        "mips" => "mips",
        _ => null,
    };

    public static string? Triple(string arch) => arch switch
    {
        "x86_64" or "amd64" or "x86" => "x86_64-linux-gnu",
        "i386" or "i686" => "i386-linux-gnu",
        "arm64" or "aarch64" => "aarch64-linux-gnu",
        "arm" => "arm-linux-gnueabi",
        "riscv64" or "riscv" => "riscv64-linux-gnu",
        "riscv32" => "riscv32-linux-gnu",
        "ppc64le" => "powerpc64le-linux-gnu",
        "ppc64" or "powerpc" => "powerpc64-linux-gnu",
        "s390x" or "s390" => "s390x-linux-gnu",
        "mips" => "mips-linux-gnu",
        _ => null,
    };

    public static KernelCompilerFlags Create(string tree, string? build, string arch, string? compilerInclude)
    {
        string srcArch = SourceArch(arch) ?? throw new ArgumentException($"unknown architecture '{arch}'", nameof(arch));
        string triple = Triple(arch)!;
        build ??= tree;
        var args = new List<string> { "-target", triple, "-x", "c", "-std=gnu11", "-nostdinc" };
        if (compilerInclude is not null && Directory.Exists(compilerInclude))
            args.AddRange(["-isystem", compilerInclude]);
        void Include(string dir)
        {
            if (Directory.Exists(dir))
                args.Add("-I" + dir);
        }
        Include(Path.Combine(tree, "arch", srcArch, "include"));
        Include(Path.Combine(build, "arch", srcArch, "include", "generated"));
        Include(Path.Combine(tree, "include"));
        if (build != tree)
            Include(Path.Combine(build, "include"));
        Include(Path.Combine(tree, "arch", srcArch, "include", "uapi"));
        Include(Path.Combine(build, "arch", srcArch, "include", "generated", "uapi"));
        Include(Path.Combine(tree, "include", "uapi"));
        Include(Path.Combine(build, "include", "generated", "uapi"));
        args.AddRange([
            "-D__KERNEL__", "-DMODULE", "-DKBUILD_MODNAME=\"ltt_scan\"", "-DKBUILD_BASENAME=\"ltt_scan\"",
            "-D__KBUILD_MODNAME=kmod_ltt_scan", "-fshort-wchar", "-fno-strict-aliasing", "-fno-common",
            "-w", "-ferror-limit=100",
        ]);
        if (srcArch == "x86")
            args.AddRange(["-mno-sse", "-mno-mmx", "-mno-sse2", "-mno-avx", "-mno-80387"]);

        bool hasConfig = File.Exists(Path.Combine(build, "include", "generated", "autoconf.h"));
        var forced = new List<string>();
        foreach (string name in new[] { "compiler-version.h", "kconfig.h", "compiler_types.h" })
        {
            string path = Path.Combine(tree, "include", "linux", name);
            if (File.Exists(path) && (hasConfig || name != "kconfig.h"))
                forced.Add(path);
        }
        return new KernelCompilerFlags(args, forced, hasConfig);
    }

    /// <summary>gcc's include directory, as <c>gcc -print-file-name=include</c> prints it; null when gcc is absent.</summary>
    public static string? FindCompilerIncludeDirectory()
    {
        try
        {
            var start = new ProcessStartInfo("gcc", "-print-file-name=include")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
                return null;
            string output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && Directory.Exists(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
