using System.Globalization;

namespace Ltt.Benchmarks;

/// <summary>
/// Builds the LTTng-UST comparison program (lttng-ust/ltt_bench.c, one tracepoint of three
/// integers) with gcc and runs it inside a userspace LTTng session, starting
/// <c>lttng-sessiond --daemonize</c> if no session daemon runs.
/// </summary>
internal sealed class LttngUstRunner : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ltt-bench-ust-").FullName;
    private readonly string _program;

    public LttngUstRunner(string sourceDirectory)
    {
        _program = Path.Combine(_work, "ltt_bench");
        ExternalCommand.RunOrThrow("gcc", "-O2", "-I", sourceDirectory, "-o", _program,
            Path.Combine(sourceDirectory, "ltt_bench.c"), Path.Combine(sourceDirectory, "ltt_bench_tp.c"),
            "-llttng-ust", "-ldl", "-lpthread");
        if (ExternalCommand.Run("pidof", ["lttng-sessiond"]).ExitCode != 0)
            ExternalCommand.RunOrThrow("lttng-sessiond", "--daemonize");
    }

    /// <summary>Runs the program in a fresh session; returns its wall ns/event (per thread) and CPU ns/event.</summary>
    public (double Wall, double Cpu) Measure(int threads, long eventsPerThread)
    {
        string session = "ltt-bench-" + Guid.NewGuid().ToString("N")[..8];
        string output = Path.Combine(_work, session);
        ExternalCommand.RunOrThrow("lttng", "create", session, "--output=" + output);
        try
        {
            ExternalCommand.RunOrThrow("lttng", "enable-event", "--userspace", "--session=" + session, "ltt_bench:three_ints");
            ExternalCommand.RunOrThrow("lttng", "start", session);
            string line = ExternalCommand.RunOrThrow(_program, threads.ToString(CultureInfo.InvariantCulture), eventsPerThread.ToString(CultureInfo.InvariantCulture)).Trim();
            ExternalCommand.RunOrThrow("lttng", "stop", session);
            string[] parts = line.Split(' ');
            return (double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
        }
        finally
        {
            ExternalCommand.Run("lttng", ["destroy", session]);
            Directory.Delete(output, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
