using System.Diagnostics;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Kernels;
using Ltt.Tracepoints.Model;

namespace Ltt.Benchmarks;

/// <summary>
/// <c>scan</c>: ltt-gen's scanner over every header of a tree's <c>include/trace/events/</c>, against
/// <c>gcc -fsyntax-only</c> over the same headers with the kernel's own flags, both on all cores.
/// <code>
/// dotnet run -c Release --project tests/Ltt.Benchmarks -- scan \
///     [--tree &lt;headers-common&gt;] [--build &lt;headers-amd64&gt;] [--runs 3]
/// </code>
/// Without <c>--tree</c>/<c>--build</c>: the newest installed generic Debian headers.
/// </summary>
public static class ScanBenchmark
{
    public static int Run(string[] args)
    {
        var installed = InstalledKernelHeaders.FindNewest();
        string? tree = Arg(args, "--tree") ?? installed?.Common;
        string? build = Arg(args, "--build") ?? installed?.Build;
        if (tree is null || build is null)
        {
            Console.Error.WriteLine("scan benchmark: " + InstalledKernelHeaders.MissingMessage());
            return 2;
        }
        int runs = int.Parse(Arg(args, "--runs") ?? "3");
        string events = Path.Combine(tree, "include", "trace", "events");
        if (!Directory.Exists(events) || !Directory.Exists(build))
        {
            Console.Error.WriteLine($"scan benchmark: needs {events} and {build} (apt-get install linux-headers-amd64)");
            return 2;
        }
        var headers = Directory.GetFiles(events, "*.h").Order(StringComparer.Ordinal).ToList();
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"{headers.Count} headers in {events}, {cores} cores, best of {runs} runs");

        ScanResult? result = null;
        double scan = Best(runs, () => result = TracepointScanner.Scan(new ScanOptions
        {
            Tree = tree,
            BuildDirectory = build,
            Paths = ["include/trace/events"],
        }));
        Console.WriteLine($"ltt-gen scan:     {scan,7:F2} s  ({result!.Sites.Count} sites resolved, {result.Unresolved.Count} unresolved)");

        string gccInclude = RunGcc(["-print-file-name=include"]).Output.Trim();
        var flags = GccFlags(tree, build, gccInclude);
        int failed = 0;
        double gcc = Best(runs, () =>
        {
            failed = 0;
            Parallel.ForEach(headers, new ParallelOptions { MaxDegreeOfParallelism = cores }, header =>
            {
                string rel = "trace/events/" + Path.GetFileName(header);
                var (code, _) = RunGcc([.. flags, "-fsyntax-only", "-x", "c", "-"], $"#include <{rel}>\n");
                if (code != 0)
                    Interlocked.Increment(ref failed);
            });
        });
        Console.WriteLine($"gcc -fsyntax-only:{gcc,7:F2} s  ({headers.Count - failed} headers compiled, {failed} failed)");
        Console.WriteLine($"ratio gcc / ltt-gen scan: {gcc / scan:F2}x (above 1: the scan is faster than gcc merely parsing)");
        Console.WriteLine("gcc command per header: gcc " + string.Join(' ', flags) + " -fsyntax-only -x c - <<< '#include <trace/events/X.h>'");
        return 0;
    }

    /// <summary>The flags Kbuild gives a module file on this tree (see `make V=1`), without code generation.</summary>
    private static List<string> GccFlags(string tree, string build, string gccInclude) =>
    [
        "-nostdinc", "-isystem", gccInclude,
        $"-I{tree}/arch/x86/include", $"-I{build}/arch/x86/include/generated", $"-I{tree}/include", $"-I{build}/include",
        $"-I{tree}/arch/x86/include/uapi", $"-I{build}/arch/x86/include/generated/uapi", $"-I{tree}/include/uapi",
        $"-I{build}/include/generated/uapi",
        "-include", $"{tree}/include/linux/compiler-version.h", "-include", $"{tree}/include/linux/kconfig.h",
        "-include", $"{tree}/include/linux/compiler_types.h",
        "-D__KERNEL__", "-DMODULE", "-DKBUILD_MODNAME=\"ltt_scan\"", "-DKBUILD_BASENAME=\"ltt_scan\"",
        "-std=gnu11", "-fshort-wchar", "-fno-strict-aliasing", "-fno-common", "-m64", "-pg", "-mrecord-mcount", "-mfentry", "-DCC_USING_FENTRY", "-mno-sse", "-mno-mmx",
        "-mno-sse2", "-mno-avx", "-mno-80387", "-w",
    ];

    private static (int Code, string Output) RunGcc(IReadOnlyList<string> args, string? stdin = null)
    {
        var start = new ProcessStartInfo("gcc")
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var stderr = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        stderr.Wait();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    private static double Best(int runs, Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
