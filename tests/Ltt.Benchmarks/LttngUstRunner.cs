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

    /// <summary>
    /// Records <paramref name="threads"/> x <paramref name="eventsPerThread"/> events into the trace
    /// directory <paramref name="output"/> and keeps it: a blocking channel (writers wait for the
    /// consumer, so no event is discarded) of 8 x 1 MiB sub-buffers per CPU, writer thread t on CPU t
    /// (one stream per thread, as a per-CPU trace of a busy machine has).
    /// </summary>
    public void Record(string output, int threads, long eventsPerThread)
    {
        string session = "ltt-bench-" + Guid.NewGuid().ToString("N")[..8];
        ExternalCommand.RunOrThrow("lttng", "create", session, "--output=" + output);
        try
        {
            ExternalCommand.RunOrThrow("lttng", "enable-channel", "--userspace", "--session=" + session, "--subbuf-size=1M", "--num-subbuf=8",
                "--blocking-timeout=inf", "bench");
            ExternalCommand.RunOrThrow("lttng", "enable-event", "--userspace", "--session=" + session, "--channel=bench", "ltt_bench:three_ints");
            ExternalCommand.RunOrThrow("lttng", "start", session);
            var (code, stdout, stderr) = ExternalCommand.Run(_program,
                [threads.ToString(CultureInfo.InvariantCulture), eventsPerThread.ToString(CultureInfo.InvariantCulture)],
                timeoutSeconds: 3600, environment: new Dictionary<string, string> { ["LTTNG_UST_ALLOW_BLOCKING"] = "1", ["LTT_BENCH_PIN"] = "1" });
            if (code != 0)
                throw new InvalidOperationException($"{_program} failed ({code}): {stderr}{stdout}");
            ExternalCommand.RunOrThrow("lttng", "stop", session);
        }
        finally
        {
            ExternalCommand.Run("lttng", ["destroy", session]);
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
