using System.Text.RegularExpressions;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// The native ltt-trace (<c>dotnet publish -r linux-x64</c>, compiled ahead of time and trimmed)
/// does what the JIT build does: the reader's commands print the same bytes on good and damaged
/// traces, the CI run generates the same probes through Scriban and libclang and passes, a report
/// draws its charts, the tool package installs the native executable. Only the measured times
/// (the decode rate, a report's reading time) may differ. Slow: the native compile takes minutes.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class NativeTraceTests : IDisposable
{
    private static readonly Lazy<string> Native = new(() => NativeTool.Publish("ltt-trace"));

    private readonly string _dir = Directory.CreateTempSubdirectory("ltt-native-trace-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Traces()
    {
        var data = new TheoryData<string>();
        foreach (string outcome in new[] { "succeed", "fail" })
        {
            foreach (string dir in Directory.GetDirectories(RepoPaths.TestData("data", "ctf-traces", outcome)).Order(StringComparer.Ordinal))
                data.Add(Path.Combine(dir, "trace"));
        }
        data.Add(RepoPaths.TestData("data", "lttng-traces", "ust-types"));
        data.Add(RepoPaths.TestData("data", "lttng-traces", "ust-discard"));
        data.Add(Path.Combine(RepoPaths.TestData("data", "ctf-traces"), "no-such-trace"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void Reading_commands_print_what_the_JIT_build_prints(string trace)
    {
        foreach (string[] command in new[] { ["dump", trace], ["stats", trace], ["validate", trace], new[] { "validate", trace, "--json" } })
        {
            var jit = Cli.Trace(command);
            var native = Run(command);
            Assert.Equal((jit.ExitCode, WithoutTimes(jit.Output), jit.Error), (native.ExitCode, WithoutTimes(native.Output), native.Error));
        }
    }

    [Fact]
    public void The_ci_run_generates_the_same_probes_and_passes()
    {
        string jitDir = Path.Combine(_dir, "jit");
        string nativeDir = Path.Combine(_dir, "native");
        var jit = Cli.Trace("ci", RepoPaths.KernelTree, "-o", jitDir);
        var native = Run("ci", RepoPaths.KernelTree, "-o", nativeDir);
        Assert.True(jit.ExitCode == 0, jit.Error);
        Assert.True(native.ExitCode == 0, native.Output + native.Error);
        Assert.Contains("all agree", native.Output, StringComparison.Ordinal);
        string jitProbes = Path.Combine(jitDir, "probes");
        string nativeProbes = Path.Combine(nativeDir, "probes");
        var files = Generated(jitProbes);
        Assert.Contains(Path.Combine("metadata", "events.json"), files);
        Assert.Equal(files, Generated(nativeProbes));
        Assert.All(files, f => Assert.Equal(File.ReadAllText(Path.Combine(jitProbes, f)), File.ReadAllText(Path.Combine(nativeProbes, f))));
    }

    [Fact]
    public void A_report_page_is_the_JIT_builds_with_its_charts()
    {
        string trace = Path.Combine(_dir, "trace");
        var record = Run("record", "-o", trace);
        Assert.True(record.ExitCode == 0, record.Error);
        string jitPage = Path.Combine(_dir, "jit.html");
        string nativePage = Path.Combine(_dir, "native.html");
        Assert.Equal(0, Cli.Trace("report", trace, "-o", jitPage).ExitCode);
        var native = Run("report", trace, "-o", nativePage);
        Assert.True(native.ExitCode == 0, native.Error);
        string page = File.ReadAllText(nativePage);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Equal(WithoutTimes(File.ReadAllText(jitPage)), WithoutTimes(page));
    }

    [Fact]
    public void The_tool_package_installs_the_native_executable()
    {
        string installed = NativeTool.PackAndInstall("ltt-trace", _dir);
        string trace = RepoPaths.TestData("data", "lttng-traces", "ust-types");
        var jit = Cli.Trace("dump", trace);
        var native = IsolatedProcess.Run(installed, ["dump", trace], RepoPaths.Root, home: null);
        Assert.Equal((jit.ExitCode, jit.Output, jit.Error), native);
    }

    /// <summary>The files the generator wrote (not harness/build/, gcc's build and the harness's records, which hold addresses).</summary>
    private static List<string> Generated(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))
            .Where(f => !f.StartsWith(Path.Combine("harness", "build") + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static (int ExitCode, string Output, string Error) Run(params string[] args) =>
        IsolatedProcess.Run(Native.Value, args, RepoPaths.Root, home: null, timeout: TimeSpan.FromMinutes(5));

    /// <summary>The text with its measured durations and rates blanked: the one thing two builds may print differently.</summary>
    private static string WithoutTimes(string text) => MeasuredTime().Replace(text, "$1 <time>");

    [GeneratedRegex(@"((?:decoded|read) in) [0-9.]+ s(: [0-9.]+ M events/s)?")]
    private static partial Regex MeasuredTime();
}
