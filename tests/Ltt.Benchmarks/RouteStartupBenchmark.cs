using System.Diagnostics;
using System.Globalization;

namespace Ltt.Benchmarks;

/// <summary>
/// Whole processes, start to exit, as a user runs them: <c>ltt-split route</c> against
/// scripts/get_maintainer.pl (MAINTAINERS-only options) on the real 6.1 tree.
///   dotnet run -c Release --project tests/Ltt.Benchmarks -- route-startup [--repeat 5] [--tree DIR] [--queue DIR.git] [--work DIR]
/// ltt-split is published first as users get it (dotnet publish -r linux-x64: the native
/// executable) and also run as the JIT build (dotnet ltt-split.dll) for comparison. One patch:
/// five patches of RealKernel/make-patches.sh, each run --repeat times, the runs of ltt-split and
/// of the script taking turns (CPU time from bash's <c>times</c>, wall time beside it; best and
/// median). ltt-split runs with its routing cache ($XDG_CACHE_HOME/ltt, in a temporary folder) warm,
/// as a user's every run but the first after MAINTAINERS changed, and cold (the cache folder
/// emptied before each run: the first run after a change, which parses and writes the cache).
/// The real branch: the 238 patches of the Debian queue (RealKernel/make-queue-repo.sh, built by
/// .ci/install into .cache/debian-linux-queue), routed by one ltt-split call against
/// get_maintainer.pl once per patch, as b4 runs it. The machine is shared: the load average is
/// printed before and after.
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
        string work = Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "ltt-split-bench-startup");
        Directory.CreateDirectory(work);
        string native = Path.Combine(work, "native");
        Console.WriteLine("publishing ltt-split (native) and building it (JIT) ...");
        ExternalCommand.RunOrThrow("dotnet", "publish", Path.Combine(root, "tools", "ltt-split"), "-c", "Release", "-r", "linux-x64", "-o", native, "-v", "q");
        ExternalCommand.RunOrThrow("dotnet", "build", Path.Combine(root, "tools", "ltt-split"), "-c", "Release", "-v", "q");
        string jit = Path.Combine(root, "tools", "ltt-split", "bin", "Release", "net10.0", "ltt-split.dll");
        string home = Path.Combine(work, "home");
        Directory.CreateDirectory(home);
        // A folder of the benchmark's own (--work may be any folder of the user's); only what the
        // tool writes there, $XDG_CACHE_HOME/ltt, is emptied.
        string cache = Directory.CreateTempSubdirectory("ltt-route-bench-cache-").FullName;
        void EmptyCache()
        {
            string written = Path.Combine(cache, "ltt");
            if (Directory.Exists(written))
                Directory.Delete(written, recursive: true);
        }
        EmptyCache();

        string patches = Path.Combine(work, "patches");
        if (!Directory.Exists(patches))
            ExternalCommand.RunOrThrow("bash", Path.Combine(root, "tests", "Ltt.Series.Tests", "RealKernel", "make-patches.sh"), tree, patches, "60");
        var one = Directory.GetFiles(patches, "*.patch").Order(StringComparer.Ordinal).Where((_, i) => i % 12 == 4).ToList();

        Console.WriteLine($"\none patch ({one.Count} patches, {repeat} runs each, taking turns; ms CPU / ms wall, best and median; ratio: get_maintainer.pl / ltt-split):");
        var warmRatios = new List<double>();
        var coldRatios = new List<double>();
        string[] Route(string patch) => ["route", patch, "--tree", tree, "--json"];
        foreach (string patch in one)
        {
            Timed(tree, home, cache, Path.Combine(native, "ltt-split"), Route(patch)); // fills the cache
            var warm = new List<(double Cpu, double Wall)>();
            var cold = new List<(double Cpu, double Wall)>();
            var theirs = new List<(double Cpu, double Wall)>();
            for (int i = 0; i < repeat; i++)
            {
                warm.Add(Timed(tree, home, cache, Path.Combine(native, "ltt-split"), Route(patch)));
                theirs.Add(Timed(tree, home, cache, "perl", [script, .. ScriptOptions, patch]));
                EmptyCache();
                cold.Add(Timed(tree, home, cache, Path.Combine(native, "ltt-split"), Route(patch)));
            }
            var viaJit = Best(Enumerable.Range(0, Math.Min(repeat, 3)).Select(_ => Timed(tree, home, cache, "dotnet", [jit, .. Route(patch)])).ToList());
            var (w, c, t) = (Best(warm), Best(cold), Best(theirs));
            var (wm, cm, tm) = (Median(warm), Median(cold), Median(theirs));
            warmRatios.Add(t.Cpu / w.Cpu);
            coldRatios.Add(t.Cpu / c.Cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Path.GetFileName(patch)[..Math.Min(40, Path.GetFileName(patch).Length)],-40}  get_maintainer.pl {Ms(t)} (median {Ms(tm)})  JIT build {Ms(viaJit)}\n"
                + $"    ltt-split warm {Ms(w)} (median {Ms(wm)}): {t.Cpu / w.Cpu:F1}x CPU, {t.Wall / w.Wall:F1}x wall (medians {tm.Cpu / wm.Cpu:F1}x, {tm.Wall / wm.Wall:F1}x)\n"
                + $"    ltt-split cold {Ms(c)} (median {Ms(cm)}): {t.Cpu / c.Cpu:F1}x CPU, {t.Wall / c.Wall:F1}x wall (medians {tm.Cpu / cm.Cpu:F1}x, {tm.Wall / cm.Wall:F1}x)"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one patch: get_maintainer.pl / ltt-split = {warmRatios.Min():F1}x to {warmRatios.Max():F1}x CPU with the cache warm, {coldRatios.Min():F1}x to {coldRatios.Max():F1}x cold (goal: 10x)"));

        if (Directory.Exists(queue))
        {
            string range = File.ReadAllText(Path.Combine(queue, "queue-range")).Trim();
            string series = Path.Combine(work, "queue-patches");
            if (!Directory.Exists(series))
                ExternalCommand.RunOrThrow("git", "--git-dir", queue, "format-patch", "-q", "-o", series, range);
            var files = Directory.GetFiles(series, "*.patch").Order(StringComparer.Ordinal).ToList();
            var ours = Best(Enumerable.Range(0, Math.Min(repeat, 3)).Select(_ => Timed(tree, home, cache, Path.Combine(native, "ltt-split"), ["route", series, "--tree", tree, "--json"])).ToList());
            var cold = Best(Enumerable.Range(0, Math.Min(repeat, 3)).Select(_ =>
            {
                EmptyCache();
                return Timed(tree, home, cache, Path.Combine(native, "ltt-split"), ["route", series, "--tree", tree, "--json"]);
            }).ToList());
            double cpu = 0, wall = 0;
            foreach (string file in files)
            {
                var t = Timed(tree, home, cache, "perl", [script, .. ScriptOptions, file]);
                cpu += t.Cpu;
                wall += t.Wall;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\n{files.Count} patches of the Debian queue: get_maintainer.pl once per patch {cpu:F1} s CPU / {wall:F1} s wall\n"
                + $"  ltt-split one call, cache warm {Ms(ours)}: {cpu / ours.Cpu:F0}x CPU, {wall / ours.Wall:F0}x wall\n"
                + $"  ltt-split one call, cache cold {Ms(cold)}: {cpu / cold.Cpu:F0}x CPU, {wall / cold.Wall:F0}x wall (goal: 200x)"));
        }
        else
        {
            Console.WriteLine($"\nno Debian queue at {queue}: run 'bash .ci/install' for the 238-patch comparison");
        }
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static (double Cpu, double Wall) Best(List<(double Cpu, double Wall)> runs) => (runs.Min(r => r.Cpu), runs.Min(r => r.Wall));

    private static (double Cpu, double Wall) Median(List<(double Cpu, double Wall)> runs)
    {
        static double Middle(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        return (Middle(runs.Select(r => r.Cpu)), Middle(runs.Select(r => r.Wall)));
    }

    private static string Ms((double Cpu, double Wall) t) => string.Create(CultureInfo.InvariantCulture, $"{t.Cpu * 1000:F0}/{t.Wall * 1000:F0}");

    /// <summary>Runs a program under bash, whose <c>times</c> gives the children's CPU time.</summary>
    private static (double Cpu, double Wall) Timed(string directory, string home, string cache, string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("\"$0\" \"$@\" >/dev/null 2>&1 || echo failed $?; times");
        info.ArgumentList.Add(program);
        foreach (string a in arguments)
            info.ArgumentList.Add(a);
        info.Environment["HOME"] = home;
        info.Environment["XDG_CACHE_HOME"] = cache;
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
