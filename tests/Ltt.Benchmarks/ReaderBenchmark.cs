using System.Diagnostics;
using System.Globalization;

namespace Ltt.Benchmarks;

/// <summary>
/// ltt-trace's reader against babeltrace2 on the same traces, in one run, as ratios:
/// <c>stats</c> vs <c>babeltrace2 -c sink.utils.counter</c> (both decode every field),
/// <c>dump</c> vs <c>babeltrace2</c>'s text, both to /dev/null, and <c>validate</c> vs <c>stats</c>.
/// Each is measured in wall time (what a user waits; the reader uses every core) and in CPU time
/// (user + system, what the work costs), best of R rounds with the tools taking turns: on a
/// machine shared with other work the minimum is the figure least distorted by it. Ours run in
/// process and include opening the trace, not the .NET start-up (~0.1 s); babeltrace2's include
/// its start-up, so <c>stats</c> and <c>dump</c> are also timed as whole processes, the figure a
/// user's shell sees: ltt-trace as users install it (its tool package, a native executable on
/// linux-x64, packed and installed into a temporary folder first) and, beside it, the JIT build
/// (<c>dotnet ltt-trace.dll</c>, what <c>dotnet run</c> starts). Then peak resident memory (VmHWM) of each operation alone in a fresh process,
/// on LTTng-UST traces of growing size, and bytes allocated per event. The load average is
/// printed with the numbers.
/// Usage: reader [--events N] (default 10000000) [--rss-sizes N,N,...] (default 1000000,10000000,50000000)
/// [--repeat R] (default 3) [--work DIR] (default $TMPDIR/ltt-bench-reader; traces kept there) [TRACE...]
/// (also measure these trace directories)
/// </summary>
internal static class ReaderBenchmark
{
    private sealed record Timing(double Wall, double Cpu);

    public static int Run(string[] args)
    {
        long events = 10_000_000;
        long[] rssSizes = [1_000_000, 10_000_000, 50_000_000];
        int repeat = 3;
        string work = Path.Combine(Path.GetTempPath(), "ltt-bench-reader");
        var extra = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--events" && i + 1 < args.Length)
                events = long.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--rss-sizes" && i + 1 < args.Length)
                rssSizes = [.. args[++i].Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
            else if (args[i] == "--repeat" && i + 1 < args.Length)
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--work" && i + 1 < args.Length)
                work = args[++i];
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"reader: unknown option {args[i]}");
                return 2;
            }
            else
                extra.Add(args[i]);
        }
        Directory.CreateDirectory(work);
        var traces = new List<(string Label, string Path)>
        {
            ($"LTTng-UST, {ReaderTraces.Name(events)} events", ReaderTraces.Ust(work, events)),
            ($"ltt-trace runtime, {ReaderTraces.Name(events)} events", ReaderTraces.LttTrace(work, events)),
        };
        traces.AddRange(extra.Select(t => (t, t)));
        var rssTraces = rssSizes.Select(n => (n, ReaderTraces.Ust(work, n))).ToList();
        Console.WriteLine("packing and installing ltt-trace (the tool package), building the JIT one ...");
        _installed = InstallTool();
        _jit = BuildJit();

        Console.WriteLine($"load average before: {Load()} (2 cores here; ratios come from one run)");
        foreach (var (label, path) in traces)
            Compare(label, path, repeat);
        Memory(rssTraces);
        Directory.Delete(_toolFolder, recursive: true); // the temporary folder InstallTool made, nothing else
        Console.WriteLine($"load average after: {Load()}");
        return 0;
    }

    private static void Compare(string label, string trace, int repeat)
    {
        long size = Directory.GetFiles(trace, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        long events = ReaderOperations.Run("stats", trace); // warm-up: JIT tiers, page cache
        var best = new Dictionary<string, Timing>();
        long allocated = long.MaxValue;
        for (int r = 0; r < repeat; r++)
        {
            foreach (string op in ReaderOperations.Names)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                Keep(best, op, Ours(op, trace));
                if (op == "stats")
                    allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
            }
            Keep(best, "stats process", Timed(_installed, "stats", trace));
            Keep(best, "dump process", Timed(_installed, "dump", trace));
            Keep(best, "stats JIT process", Timed("dotnet", _jit, "stats", trace));
            Keep(best, "dump JIT process", Timed("dotnet", _jit, "dump", trace));
            Keep(best, "babeltrace2 counter", Timed("babeltrace2", trace, "-c", "sink.utils.counter", "-p", "step=+0"));
            Keep(best, "babeltrace2 text", Timed("babeltrace2", trace));
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{label}: {trace} ({events:N0} events, {size / 1e6:F0} MB), load {Load()}"));
        Line("stats", best["stats"], "babeltrace2 counter", best["babeltrace2 counter"], events);
        Line("dump", best["dump"], "babeltrace2 text", best["babeltrace2 text"], events);
        Line("validate", best["validate"], "ltt-trace stats", best["stats"], events);
        Console.WriteLine("  the same as whole processes (start-up included on both sides), the installed tool package:");
        Line("stats", best["stats process"], "babeltrace2 counter", best["babeltrace2 counter"], events);
        Line("dump", best["dump process"], "babeltrace2 text", best["babeltrace2 text"], events);
        Console.WriteLine("  and the JIT build (dotnet ltt-trace.dll):");
        Line("stats", best["stats JIT process"], "babeltrace2 counter", best["babeltrace2 counter"], events);
        Line("dump", best["dump JIT process"], "babeltrace2 text", best["babeltrace2 text"], events);
        Console.WriteLine(string.Create(c, $"  allocated while reading with stats: {allocated / 1024.0:F0} KiB in all, {(double)allocated / events:F4} bytes/event"));
    }

    private static void Line(string ours, Timing mine, string theirsName, Timing theirs, long events)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c,
            $"  {ours,-9} ltt-trace {mine.Wall,7:F3} s wall {mine.Cpu,7:F3} s CPU ({events / mine.Wall / 1e6,6:F1} M events/s) | {theirsName,-19} {theirs.Wall,7:F3} s wall {theirs.Cpu,7:F3} s CPU | ratio wall {theirs.Wall / mine.Wall,5:F1}x, CPU {theirs.Cpu / mine.Cpu,5:F1}x"));
    }

    private static void Keep(Dictionary<string, Timing> best, string name, Timing timing) =>
        best[name] = best.TryGetValue(name, out var old) ? new Timing(Math.Min(old.Wall, timing.Wall), Math.Min(old.Cpu, timing.Cpu)) : timing;

    private static Timing Ours(string operation, string trace)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        ReaderOperations.Run(operation, trace);
        wall.Stop();
        process.Refresh();
        return new Timing(wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>A whole process under /usr/bin/time, output straight to /dev/null (no pipe in between).</summary>
    private static Timing Timed(string program, params string[] arguments)
    {
        var (code, _, stderr) = ExternalCommand.Run("sh",
            ["-c", "exec /usr/bin/time -f '%e %U %S' \"$@\" >/dev/null", "sh", program, .. arguments], timeoutSeconds: 3600);
        string[] fields = stderr.TrimEnd().Split('\n')[^1].Split(' ');
        if (code != 0 || fields.Length != 3)
            throw new InvalidOperationException($"{program} failed: {stderr}");
        double[] v = [.. fields.Select(f => double.Parse(f, CultureInfo.InvariantCulture))];
        return new Timing(v[0], v[1] + v[2]);
    }

    private static void Memory(List<(long Events, string Path)> traces)
    {
        Console.WriteLine("peak resident memory (VmHWM) of each operation alone in a fresh process, LTTng-UST traces:");
        foreach (var (events, path) in traces)
        {
            var cells = new List<string>();
            foreach (string op in ReaderOperations.Names)
            {
                var (code, output, error) = ExternalCommand.Run(Environment.ProcessPath!, ["reader-child", op, path], timeoutSeconds: 3600);
                if (code != 0)
                    throw new InvalidOperationException($"reader-child {op} {path} failed: {error}");
                long kib = long.Parse(output.Trim().Split(' ')[1], CultureInfo.InvariantCulture);
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{op} {kib / 1024.0,6:F1} MiB"));
            }
            long size = Directory.GetFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {events,12:N0} events ({size / 1e6,6:F0} MB): {string.Join(", ", cells)}"));
        }
    }

    private static string _installed = "", _jit = "", _toolFolder = "";

    /// <summary>
    /// The README's packing of ltt-trace, installed into a fresh temporary folder (never one the
    /// user named: --work may be any folder); its command's path.
    /// </summary>
    private static string InstallTool()
    {
        string folder = _toolFolder = Directory.CreateTempSubdirectory("ltt-bench-tool-").FullName;
        string feed = Path.Combine(folder, "nupkg"), tools = Path.Combine(folder, "tools");
        // A version of its own: NuGet's package cache would otherwise hand over an older 1.0.0.
        string version = "0.0.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        // The package installed by name, the native one it points to on linux-x64, the JIT one for other platforms.
        foreach (string[] rid in new[] { Array.Empty<string>(), ["-r", "linux-x64"], ["-r", "any"] })
            ExternalCommand.RunOrThrow("dotnet", ["pack", Path.Combine(Ltt.Testing.RepoPaths.Root, "tools", "ltt-trace"), "-c", "Release", .. rid, "-o", feed, "-v", "q", "-p:PackageVersion=" + version]);
        ExternalCommand.RunOrThrow("dotnet", "tool", "install", "--tool-path", tools, "--add-source", feed, "ltt-trace", "--version", version);
        return Path.Combine(tools, "ltt-trace");
    }

    private static string BuildJit()
    {
        ExternalCommand.RunOrThrow("dotnet", "build", Path.Combine(Ltt.Testing.RepoPaths.Root, "tools", "ltt-trace"), "-c", "Release", "-v", "q");
        return Path.Combine(Ltt.Testing.RepoPaths.Root, "tools", "ltt-trace", "bin", "Release", "net10.0", "ltt-trace.dll");
    }

    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
