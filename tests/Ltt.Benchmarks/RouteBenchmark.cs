using System.Diagnostics;
using System.Globalization;
using Ltt.Series.Routing;

namespace Ltt.Benchmarks;

/// <summary>
/// ltt-split's router against the kernel's scripts/get_maintainer.pl (MAINTAINERS-only
/// options, empty HOME) on the same real patches against the real 6.1 tree:
///   dotnet run -c Release --project tests/Ltt.Benchmarks -- route [--count 1000] [--perl-sample 100] [--tree DIR]
/// The patches come from tests/Ltt.Series.Tests/RealKernel/make-patches.sh. Ours: the index is
/// built once (timed apart), then every patch is routed, best of five. The script: one process
/// per patch as b4 runs it (timed on the first --perl-sample patches and scaled to all), and one
/// process given every patch. Wall and CPU time are both printed; the machine is shared.
/// </summary>
public static class RouteBenchmark
{
    private static readonly string[] ScriptOptions =
        ["--no-tree", "--nogit", "--nogit-fallback", "--nogit-blame", "--nofixes", "--norolestats"];

    public static int Run(string[] args)
    {
        int count = IntOption(args, "--count", 1000);
        int sample = IntOption(args, "--perl-sample", 100);
        string root = FindRoot();
        string tree = StringOption(args, "--tree") ?? Path.Combine(root, ".cache", "linux-source-6.1-full");
        if (!File.Exists(Path.Combine(tree, "MAINTAINERS")))
        {
            Console.Error.WriteLine($"route: no kernel tree at {tree}; run 'bash .ci/install'");
            return 2;
        }
        string patchDir = Path.Combine(Path.GetTempPath(), $"ltt-split-bench-{count}");
        if (!Directory.Exists(patchDir) || Directory.GetFiles(patchDir, "*.patch").Length != count)
        {
            if (Directory.Exists(patchDir))
                Directory.Delete(patchDir, recursive: true);
            Console.WriteLine($"building {count} patches with make-patches.sh ...");
            var make = Process.Start(new ProcessStartInfo("bash",
                [Path.Combine(root, "tests", "Ltt.Series.Tests", "RealKernel", "make-patches.sh"), tree, patchDir, count.ToString(CultureInfo.InvariantCulture)]))!;
            make.WaitForExit();
            if (make.ExitCode != 0)
                return 1;
        }
        var patches = Directory.GetFiles(patchDir, "*.patch").Order(StringComparer.Ordinal).ToList();
        var texts = patches.Select(File.ReadAllText).ToList();
        int files = texts.Sum(t => t.Split('\n').Count(l => l.StartsWith("diff --git ", StringComparison.Ordinal)));
        Console.WriteLine($"{patches.Count} patches, {files} file diffs, tree {tree}");

        var me = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        var cpu0 = me.TotalProcessorTime;
        var setup = RoutingSetup.Open(tree);
        if (setup.Router is null)
        {
            Console.Error.WriteLine(string.Join("\n", setup.Diagnostics));
            return 1;
        }
        double indexWall = wall.Elapsed.TotalSeconds;
        me.Refresh();
        double indexCpu = (me.TotalProcessorTime - cpu0).TotalSeconds;

        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        int addresses = 0;
        for (int round = 0; round < 6; round++)
        {
            me.Refresh();
            var c0 = me.TotalProcessorTime;
            var w = Stopwatch.StartNew();
            addresses = 0;
            for (int i = 0; i < texts.Count; i++)
                addresses += setup.Router.Route(patches[i], texts[i]).Recipients.Count;
            w.Stop();
            me.Refresh();
            if (round == 0)
                continue; // warm-up: the JIT and the regex compiler
            bestWall = Math.Min(bestWall, w.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (me.TotalProcessorTime - c0).TotalSeconds);
        }

        string script = Path.Combine(tree, "scripts", "get_maintainer.pl");
        string home = Path.Combine(Path.GetTempPath(), "ltt-split-bench-home");
        Directory.CreateDirectory(home);
        int n = Math.Min(sample, patches.Count);
        double perWall = 0, perCpu = 0;
        for (int i = 0; i < n; i++)
        {
            var (w, c) = Perl(script, tree, home, [patches[i]]);
            perWall += w;
            perCpu += c;
        }
        double scale = (double)patches.Count / n;
        var (allWall, allCpu) = Perl(script, tree, home, patches);

        Console.WriteLine($"ltt-split index build (once): {indexWall * 1000:F0} ms wall, {indexCpu * 1000:F0} ms CPU");
        Console.WriteLine($"ltt-split route, {patches.Count} patches: {bestWall * 1000:F1} ms wall, {bestCpu * 1000:F1} ms CPU (best of 5; {addresses} addresses)");
        Console.WriteLine($"get_maintainer.pl, one process per patch: {perWall * scale:F1} s wall, {perCpu * scale:F1} s CPU ({n} patches timed, scaled x{scale:F1})");
        Console.WriteLine($"get_maintainer.pl, one process for all:   {allWall:F1} s wall, {allCpu:F1} s CPU");
        double oursTotalWall = bestWall + indexWall, oursTotalCpu = bestCpu + indexCpu;
        Console.WriteLine($"ratio (script per patch / ltt-split incl. index): {perWall * scale / oursTotalWall:F0}x wall, {perCpu * scale / oursTotalCpu:F0}x CPU");
        Console.WriteLine($"ratio (script one process / ltt-split incl. index): {allWall / oursTotalWall:F0}x wall, {allCpu / oursTotalCpu:F0}x CPU");
        Console.WriteLine($"ratio (script per patch / ltt-split routing only): {perWall * scale / bestWall:F0}x wall");
        return 0;
    }

    /// <summary>Runs the script under bash so that bash's <c>times</c> reports the script's CPU time.</summary>
    private static (double Wall, double Cpu) Perl(string script, string tree, string home, IEnumerable<string> patches)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = tree, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("perl \"$0\" " + string.Join(' ', ScriptOptions) + " \"$@\" >/dev/null 2>&1; times");
        info.ArgumentList.Add(script);
        foreach (string p in patches)
            info.ArgumentList.Add(p);
        info.Environment["HOME"] = home;
        var w = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        w.Stop();
        // The second line of `times` is the children's user and system time: "0m0.230s 0m0.031s".
        var children = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ');
        return (w.Elapsed.TotalSeconds, children.Sum(ParseTimes));
    }

    private static double ParseTimes(string value)
    {
        int m = value.IndexOf('m');
        return double.Parse(value[..m], CultureInfo.InvariantCulture) * 60 + double.Parse(value[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture);
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
