using System.Diagnostics;
using System.Globalization;

namespace Ltt.Benchmarks;

/// <summary>
/// Whole processes, start to exit, as a user runs them: <c>ltt-split route</c> against
/// scripts/get_maintainer.pl (MAINTAINERS-only options) on the real 6.1 tree.
///   dotnet run -c Release --project tests/Ltt.Benchmarks -- route-startup [--repeat 5] [--tree DIR] [--queue DIR.git]
/// ltt-split is published first as users get it (dotnet publish -r linux-x64: the native
/// executable) and also run as the JIT build (dotnet ltt-split.dll) for comparison. One patch:
/// five patches of RealKernel/make-patches.sh, each run --repeat times, best run kept (CPU time
/// from bash's <c>times</c>, wall time beside it). The real branch: the 238 patches of the Debian
/// queue (RealKernel/make-queue-repo.sh, built by .ci/install into .cache/debian-linux-queue),
/// routed by one ltt-split call against get_maintainer.pl once per patch, as b4 runs it. The
/// machine is shared: the load average is printed before and after.
/// </summary>
public static class RouteStartupBenchmark
{
    private static readonly string[] ScriptOptions =
        ["--no-tree", "--nogit", "--nogit-fallback", "--nogit-blame", "--nofixes", "--norolestats"];

    public static int Run(string[] args)
    {
        int repeat = int.Parse(Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        string root = Ltt.Testing.RepoPaths.Root;
        string tree = Option(args, "--tree") ?? Path.Combine(root, ".cache", "linux-source-6.1-full");
        string queue = Option(args, "--queue") ?? Path.Combine(root, ".cache", "debian-linux-queue", "queue.git");
        string script = Path.Combine(tree, "scripts", "get_maintainer.pl");
        if (!File.Exists(script))
        {
            Console.Error.WriteLine($"route-startup: no kernel tree at {tree}; run 'bash .ci/install'");
            return 2;
        }
        Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        string work = Path.Combine(Path.GetTempPath(), "ltt-split-bench-startup");
        Directory.CreateDirectory(work);
        string native = Path.Combine(work, "native");
        Console.WriteLine("publishing ltt-split (native) and building it (JIT) ...");
        ExternalCommand.RunOrThrow("dotnet", "publish", Path.Combine(root, "tools", "ltt-split"), "-c", "Release", "-r", "linux-x64", "-o", native, "-v", "q");
        ExternalCommand.RunOrThrow("dotnet", "build", Path.Combine(root, "tools", "ltt-split"), "-c", "Release", "-v", "q");
        string jit = Path.Combine(root, "tools", "ltt-split", "bin", "Release", "net10.0", "ltt-split.dll");
        string home = Path.Combine(work, "home");
        Directory.CreateDirectory(home);

        string patches = Path.Combine(work, "patches");
        if (!Directory.Exists(patches))
            ExternalCommand.RunOrThrow("bash", Path.Combine(root, "tests", "Ltt.Series.Tests", "RealKernel", "make-patches.sh"), tree, patches, "60");
        var one = Directory.GetFiles(patches, "*.patch").Order(StringComparer.Ordinal).Where((_, i) => i % 12 == 4).ToList();

        Console.WriteLine($"\none patch ({one.Count} patches, best of {repeat} runs each; ms CPU / ms wall):");
        var ratios = new List<double>();
        foreach (string patch in one)
        {
            var ours = Best(repeat, () => Timed(tree, home, Path.Combine(native, "ltt-split"), ["route", patch, "--tree", tree, "--json"]));
            var theirs = Best(repeat, () => Timed(tree, home, "perl", [script, .. ScriptOptions, patch]));
            var viaJit = Best(Math.Min(repeat, 3), () => Timed(tree, home, "dotnet", [jit, "route", patch, "--tree", tree, "--json"]));
            ratios.Add(theirs.Cpu / ours.Cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Path.GetFileName(patch)[..Math.Min(40, Path.GetFileName(patch).Length)],-40}  ltt-split {ours.Cpu * 1000:F0}/{ours.Wall * 1000:F0}  get_maintainer.pl {theirs.Cpu * 1000:F0}/{theirs.Wall * 1000:F0}  "
                + $"JIT build {viaJit.Cpu * 1000:F0}/{viaJit.Wall * 1000:F0}  ratio {theirs.Cpu / ours.Cpu:F1}x CPU, {theirs.Wall / ours.Wall:F1}x wall"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one patch: get_maintainer.pl / ltt-split = {ratios.Min():F1}x to {ratios.Max():F1}x CPU (goal: 10x)"));

        if (Directory.Exists(queue))
        {
            string range = File.ReadAllText(Path.Combine(queue, "queue-range")).Trim();
            string series = Path.Combine(work, "queue-patches");
            if (!Directory.Exists(series))
                ExternalCommand.RunOrThrow("git", "--git-dir", queue, "format-patch", "-q", "-o", series, range);
            var files = Directory.GetFiles(series, "*.patch").Order(StringComparer.Ordinal).ToList();
            var ours = Best(Math.Min(repeat, 3), () => Timed(tree, home, Path.Combine(native, "ltt-split"), ["route", series, "--tree", tree, "--json"]));
            double cpu = 0, wall = 0;
            foreach (string file in files)
            {
                var t = Timed(tree, home, "perl", [script, .. ScriptOptions, file]);
                cpu += t.Cpu;
                wall += t.Wall;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\n{files.Count} patches of the Debian queue: ltt-split one call {ours.Cpu * 1000:F0} ms CPU / {ours.Wall * 1000:F0} ms wall; "
                + $"get_maintainer.pl once per patch {cpu:F1} s CPU / {wall:F1} s wall; ratio {cpu / ours.Cpu:F0}x CPU, {wall / ours.Wall:F0}x wall (goal: 200x)"));
        }
        else
        {
            Console.WriteLine($"\nno Debian queue at {queue}: run 'bash .ci/install' for the 238-patch comparison");
        }
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static (double Cpu, double Wall) Best(int runs, Func<(double Cpu, double Wall)> run)
    {
        var all = Enumerable.Range(0, runs).Select(_ => run()).ToList();
        return (all.Min(r => r.Cpu), all.Min(r => r.Wall));
    }

    /// <summary>Runs a program under bash, whose <c>times</c> gives the children's CPU time.</summary>
    private static (double Cpu, double Wall) Timed(string directory, string home, string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("\"$0\" \"$@\" >/dev/null 2>&1 || echo failed $?; times");
        info.ArgumentList.Add(program);
        foreach (string a in arguments)
            info.ArgumentList.Add(a);
        info.Environment["HOME"] = home;
        var w = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        w.Stop();
        if (output.StartsWith("failed", StringComparison.Ordinal))
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {output.Split('\n')[0]}");
        var children = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ');
        return (children.Sum(ParseTimes), w.Elapsed.TotalSeconds);
    }

    private static double ParseTimes(string value)
    {
        int m = value.IndexOf('m');
        return double.Parse(value[..m], CultureInfo.InvariantCulture) * 60 + double.Parse(value[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture);
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
