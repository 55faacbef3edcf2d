using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// Long steps show a live progress display on a terminal, and nothing of it anywhere else: piped
/// output is what it was without it, and <c>--quiet</c> leaves only results, summaries and errors.
/// </summary>
public sealed class ProgressDisplayTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ltt-progress-" + Guid.NewGuid().ToString("N")[..12]);

    public ProgressDisplayTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Gen => Path.Combine(AppContext.BaseDirectory, "ltt-gen.dll");

    [Fact]
    public void On_a_terminal_the_scan_draws_its_progress_and_the_results_stay()
    {
        // script(1) runs the command on a terminal of its own and keeps what it was sent.
        string typescript = Path.Combine(_dir, "typescript");
        string command = $"dotnet '{Gen}' probes '{RepoPaths.KernelTree}' -o '{Path.Combine(_dir, "out")}'";
        var (code, _, error) = IsolatedProcess.Run("script", ["-qec", command, typescript], _dir, home: null,
            environment: new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLUMNS"] = "160" });

        Assert.True(code == 0, error);
        string screen = File.ReadAllText(typescript);
        Assert.Contains("scanning ", screen);
        Assert.Contains("100%", screen);
        Assert.Contains("\x1b[", screen);
        Assert.Contains(" modules (ltt-0.105)", screen);
    }

    [Fact]
    public void Reading_a_trace_into_a_file_draws_on_the_terminal_and_the_file_is_the_dump()
    {
        string trace = Path.Combine(RepoPaths.Root, "tests", "data", "lttng-traces", "ust-discard");
        string lttTrace = Path.Combine(AppContext.BaseDirectory, "ltt-trace.dll");
        string typescript = Path.Combine(_dir, "typescript"), dumped = Path.Combine(_dir, "dump.txt");
        var (code, _, error) = IsolatedProcess.Run("script", ["-qec", $"dotnet '{lttTrace}' dump '{trace}' > '{dumped}'", typescript], _dir, home: null,
            environment: new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLUMNS"] = "160" });

        Assert.True(code == 0, error);
        Assert.Contains("read ust-discard", File.ReadAllText(typescript));
        var piped = Cli.Trace("dump", trace);
        Assert.Equal(piped.Output, File.ReadAllText(dumped));
    }

    [Fact]
    public void Piped_the_output_has_no_display()
    {
        var (code, output, error) = IsolatedProcess.Run("dotnet", [Gen, "probes", RepoPaths.KernelTree, "-o", Path.Combine(_dir, "out")], _dir, home: null);

        Assert.True(code == 0, error);
        Assert.DoesNotContain("\x1b", output + error);
        Assert.DoesNotContain("scanning ", output + error);
        Assert.Contains(" modules (ltt-0.105)", output);
    }

    [Fact]
    public void Quiet_drops_the_step_lines_of_a_ci_run()
    {
        string[] run = ["ci", RepoPaths.KernelTree, "-p", "include/trace/sched.h", "-p", "include/trace/irq.h"];
        var normal = Cli.Trace(run);
        var quiet = Cli.Trace([.. run, "--quiet"]);

        Assert.True(normal.ExitCode == 0, normal.Error);
        Assert.True(quiet.ExitCode == 0, quiet.Error);
        Assert.Contains("ltt-trace ci: ", normal.Error);
        Assert.DoesNotContain("ltt-trace ci: ", quiet.Error);
        Assert.Equal(normal.Output.Split('\n').Length, quiet.Output.Split('\n').Length);
    }
}
