using Ltt.IO;

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

    /// <summary>The kernel's source folder for an architecture name (<c>arch/&lt;it&gt;</c>), from <see cref="Architecture.All"/>.</summary>
    public static string? SourceArch(string arch) => Architecture.Find(arch)?.SourceArch;

    public static KernelCompilerFlags Create(string tree, string? build, string arch, string? compilerInclude)
    {
        var architecture = Architecture.Find(arch) ?? throw new ArgumentException(Architecture.Unknown(arch), nameof(arch));
        string srcArch = architecture.SourceArch;
        string triple = architecture.Triple;
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
        var run = ToolRun.Start("gcc", ["-print-file-name=include"]);
        string output = run.Output.Trim();
        return run.Success && Directory.Exists(output) ? output : null;
    }
}
