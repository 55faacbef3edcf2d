using System.Text.Json;
using System.Text.RegularExpressions;
using Ltt.Testing;
using Ltt.Tracepoints.Kernels;
using Xunit.Abstractions;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// The README's main job on a real tree, as a user runs it: <c>ltt-gen probes</c> on the whole
/// unpacked 6.1 source against the installed generic headers, tracepoint target. It writes
/// what resolves, its summary counts agree with the files written, and kbuild builds the
/// modules (each one is listed built or failed with its first error; none goes unreported).
/// Minutes of scanning and kbuild: in the slow set.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class WholeTreeProbesTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ltt-gen-tree-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void TheMainJobOnTheWhole61SourceWritesWhatResolvesAndKbuildBuildsIt()
    {
        var kernel = InstalledKernelHeaders.FindNewest();
        Assert.True(kernel is not null, InstalledKernelHeaders.MissingMessage());
        string source = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1-full");
        Assert.True(File.Exists(Path.Combine(source, "Kconfig")), $"{source}: the unpacked 6.1 source is missing; run 'bash .ci/install'");
        string output = Path.Combine(_dir, "probes-61");

        var (code, stdout, stderr) = GenCli.Run("probes", source, "--build", kernel.Build, "--target", "tracepoint", "-o", output);
        log.WriteLine(stdout.Split('\n')[0]);
        log.WriteLine(stderr);

        Assert.True(code is 0 or 1, stderr);
        var head = Headline().Match(stdout);
        Assert.True(head.Success, stdout);
        int events = int.Parse(head.Groups[1].Value), modules = int.Parse(head.Groups[2].Value);
        Assert.True(events > 3000, $"only {events} events generated from the whole tree");

        // The counts the summary gives are the files written.
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metadata", "events.json")));
        var names = catalog.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
        Assert.Equal(events, names.Count);
        string probes = Path.Combine(output, "probes");
        var moduleFiles = Directory.GetFiles(probes, "*-trace.c").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(modules, moduleFiles.Count);
        string kbuild = File.ReadAllText(Path.Combine(probes, "Kbuild"));
        Assert.All(moduleFiles, m => Assert.Contains($"obj-m += {m}.o\n", kbuild));
        string report = File.ReadAllText(Path.Combine(output, "report.txt"));
        var skipped = Section(report, "Sites skipped (they do not resolve)");
        var treeErrors = Section(report, "Errors in the tree's headers");
        // Exit 1 says something was left out or failed to compile in the tree; report.txt says what.
        Assert.Equal(code == 1, skipped.Count > 0 || treeErrors.Count > 0);
        if (skipped.Count > 0)
            Assert.Contains($"skipped: {skipped.Count:N0} sites do not resolve", stderr);
        else if (treeErrors.Count > 0)
            Assert.Contains($"every site written, but the tree's headers have {treeErrors.Count} compiler errors", stderr);
        var leftOut = Section(report, "Headers left out (not in this architecture's build)");
        Assert.Contains(leftOut, l => l.StartsWith("arch/powerpc/", StringComparison.Ordinal));
        Assert.Contains(leftOut, l => l.StartsWith("drivers/s390/", StringComparison.Ordinal));
        var sources = catalog.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("source").GetString()!).ToList();
        Assert.DoesNotContain(sources, s => s.StartsWith("arch/", StringComparison.Ordinal) && !s.StartsWith("arch/x86/", StringComparison.Ordinal));
        var notRecorded = NotRecordedLine().Match(stderr);
        Assert.True(notRecorded.Success, stderr);
        var causes = stderr[notRecorded.Index..].Split('\n').Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => int.Parse(l.Trim().Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(int.Parse(notRecorded.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), causes.Sum());
        Assert.Equal(causes.Sum(), Sections(report, "Not recorded: ").Sum(l => l.Count));

        // kbuild: compile every module (keep going), then link the ones that compiled; a module whose
        // link needs a symbol the kernel does not export is listed with it (modpost only warns then).
        var make = Make(kernel.Build, probes, source, link: false);
        var compiled = moduleFiles.Where(m => File.Exists(Path.Combine(probes, m + ".o"))).ToList();
        // kbuild links nothing when an object failed: the second pass lists only what compiled.
        File.WriteAllLines(Path.Combine(probes, "Kbuild"), kbuild.Split('\n')
            .Where(l => !(l.StartsWith("obj-m += ", StringComparison.Ordinal) && moduleFiles.Contains(l[9..^2]) && !compiled.Contains(l[9..^2]))));
        var link = Make(kernel.Build, probes, source, link: true);
        var undefined = Undefined().Matches(link.Output + link.Error).GroupBy(m => m.Groups[2].Value)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(m => m.Groups[1].Value).Distinct()));
        var built = moduleFiles.Where(m => File.Exists(Path.Combine(probes, m + ".ko")) && !undefined.ContainsKey(m)).ToList();
        var failed = moduleFiles.Except(compiled).ToList();
        log.WriteLine($"{events} events, {modules} modules written; {compiled.Count} compile, {built.Count} build and link, " +
            $"{failed.Count} do not compile, {undefined.Count(u => moduleFiles.Contains(u.Key))} need unexported symbols; " +
            $"{skipped.Count} sites skipped, {leftOut.Count} headers left out");
        log.WriteLine("built: " + string.Join(" ", built));
        foreach (string m in failed)
            log.WriteLine($"does not compile: {m}: {FirstError(make.Output + make.Error, m)}");
        foreach (var (m, symbols) in undefined.Where(u => moduleFiles.Contains(u.Key)))
            log.WriteLine($"does not link: {m}: {symbols}");

        Assert.True(link.ExitCode == 0, link.Output + link.Error);
        Assert.All(compiled, m => Assert.True(built.Contains(m) || undefined.ContainsKey(m), $"{m} compiled but no {m}.ko"));
        Assert.All(failed, m => Assert.NotNull(FirstError(make.Output + make.Error, m)));
        Assert.True(compiled.Count * 2 > modules, $"only {compiled.Count} of {modules} modules compile");
    }

    private static (int ExitCode, string Output, string Error) Make(string build, string probes, string source, bool link)
    {
        var args = new List<string> { "-C", build, "M=" + probes, "-k", "-j2", "modules", "LTT_SOURCE=" + source };
        if (link)
            args.Add("KBUILD_MODPOST_WARN=1");
        return IsolatedProcess.Run("make", args, probes, home: null, timeout: TimeSpan.FromMinutes(60));
    }

    /// <summary>The first compiler error kbuild printed for a module, or the make error naming its object.</summary>
    private static string? FirstError(string make, string module)
    {
        var lines = make.Split('\n');
        return lines.FirstOrDefault(l => l.Contains($"{module}.c:", StringComparison.Ordinal) && l.Contains("error", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(l => l.Contains($"{module}.o] Error", StringComparison.Ordinal));
    }

    private static List<string> Section(string report, string title) => Sections(report, title).FirstOrDefault() ?? [];

    /// <summary>The entries of every report.txt section whose title starts with <paramref name="title"/>.</summary>
    private static List<List<string>> Sections(string report, string title)
    {
        var lines = report.Split('\n');
        return Enumerable.Range(0, lines.Length)
            .Where(i => i > 0 && lines[i - 1].Length == 0 && lines[i].StartsWith(title, StringComparison.Ordinal))
            .Select(i => lines.Skip(i + 1).TakeWhile(l => l.Length > 0).ToList())
            .ToList();
    }

    [GeneratedRegex(@"^(\d+) events in (\d+) modules \(tracepoint\)", RegexOptions.Multiline)]
    private static partial Regex Headline();

    [GeneratedRegex(@"^not recorded: ([\d,]+) fields, by cause:", RegexOptions.Multiline)]
    private static partial Regex NotRecordedLine();

    /// <summary>modpost: <c>WARNING: modpost: "register_trace_x" [/dir/sched-trace.ko] undefined!</c></summary>
    [GeneratedRegex(@"""(\S+)"" \[\S*/([^/\s]+)\.ko\] undefined!")]
    private static partial Regex Undefined();
}
