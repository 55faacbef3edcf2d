using System.Diagnostics;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests.KernelTree;

/// <summary>How a file of kernel-tree/ is compiled: with or without configuration, and for an events header, whether it creates its events.</summary>
public enum KernelTreeVariant
{
    /// <summary>The tree as shipped: no CONFIG_ symbol is set.</summary>
    Unconfigured,

    /// <summary>Every CONFIG_ symbol the tree tests is set (<see cref="KernelTreeGcc.ConfiguredSymbols"/>).</summary>
    Configured,

    /// <summary>An events header read with CREATE_TRACE_POINTS, as the one .c file defining its events reads it.</summary>
    CreateTracePoints,

    /// <summary>Both of the above.</summary>
    CreateTracePointsConfigured,
}

/// <summary>The outcome of one gcc run: its exit code, what it printed, and the command to reproduce it.</summary>
public sealed record GccOutcome(int ExitCode, string Stderr, string CommandLine);

/// <summary>
/// Runs <c>gcc -fsyntax-only</c> on a file of kernel-tree/ with the flags the kernel's own build uses:
/// no system headers, gcc's own include directory, the arch's and the tree's include directories.
/// Files under arch/powerpc/ are compiled for powerpc, every other file for x86.
/// </summary>
public static class KernelTreeGcc
{
    /// <summary>The CONFIG_ symbols some file of the tree tests; the configured variant sets them all.</summary>
    public static IReadOnlyList<string> ConfiguredSymbols { get; } =
    [
        "CONFIG_TRACEPOINTS", "CONFIG_MARKERS", "CONFIG_MODULES", "CONFIG_MODULE_UNLOAD",
        "CONFIG_KALLSYMS", "CONFIG_SWAP", "CONFIG_SCHEDSTATS", "CONFIG_GENERIC_IRQ_DEBUG",
        "CONFIG_BLK_DEV_IO_TRACE", "CONFIG_KVM_ASYNC_PF", "CONFIG_KVM_TRACE", "CONFIG_KVM_MMU_TRACE",
        "CONFIG_DEBUG_SPINLOCK", "CONFIG_DEBUG_MUTEXES", "CONFIG_HAS_IOMEM",
    ];

    private static readonly Lazy<string> GccInclude = new(FindGccIncludeDir);

    public static GccOutcome Compile(string relativePath, KernelTreeVariant variant)
    {
        string arch = relativePath.StartsWith("arch/powerpc/", StringComparison.Ordinal) ? "powerpc" : "x86";
        var args = new List<string>
        {
            "-fsyntax-only", "-nostdinc", "-isystem", GccInclude.Value,
            "-I", $"arch/{arch}/include", "-I", "include",
            "-D__KERNEL__", "-std=gnu11", "-Wall", "-Werror",
        };
        if (variant is KernelTreeVariant.Configured or KernelTreeVariant.CreateTracePointsConfigured)
            args.AddRange(ConfiguredSymbols.Select(symbol => "-D" + symbol));
        if (variant is KernelTreeVariant.CreateTracePoints or KernelTreeVariant.CreateTracePointsConfigured)
            args.Add("-DCREATE_TRACE_POINTS");
        args.Add(relativePath);

        var (exitCode, _, stderr) = Run("gcc", args, RepoPaths.KernelTree);
        return new GccOutcome(exitCode, stderr, "cd kernel-tree && gcc " + string.Join(' ', args));
    }

    private static string FindGccIncludeDir()
    {
        var (exitCode, stdout, stderr) = Run("gcc", ["-print-file-name=include"], RepoPaths.KernelTree);
        string dir = stdout.Trim();
        if (exitCode != 0 || !Directory.Exists(dir))
            throw new InvalidOperationException($"gcc -print-file-name=include failed ({exitCode}): {stderr}");
        return dir;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
            start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed ({e.Message}); run .ci/install", e);
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within 60 s");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
