using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Ltt.Cli;
using Ltt.Trace.Buffers;
using Ltt.Trace.Clocks;
using Ltt.Trace.Layout;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace LttTrace.Commands;

/// <summary>
/// <c>ltt-trace record</c>: runs the synthetic workload through the bundled runtime into a CTF
/// trace and prints events written, events lost, bytes, and (last line) the write cost.
/// </summary>
public static class RecordCommand
{
    public static Command Create()
    {
        var metadata = new Option<FileInfo?>("--metadata", "-m") { Description = "events.json whose events to write (default: one built-in event of three integers: u64, s32, u32)" };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "trace directory to create (must not exist or be empty)", Required = true };
        var threads = new Option<int>("--threads", "-t") { Description = "writer threads", DefaultValueFactory = _ => 1 };
        var events = new Option<long>("--events", "-n") { Description = "events each thread writes", DefaultValueFactory = _ => 1_000_000 };
        var mode = new Option<string>("--mode") { Description = "full-buffer policy: discard or overwrite", DefaultValueFactory = _ => "discard" };
        mode.AcceptOnlyFromAmong("discard", "overwrite");
        var subbufSize = new Option<int>("--subbuf-size") { Description = "sub-buffer (packet) size in bytes, a power of two", DefaultValueFactory = _ => ChannelConfig.DefaultSubbufferSize };
        var subbufs = new Option<int>("--subbufs") { Description = "sub-buffers per CPU, a power of two", DefaultValueFactory = _ => ChannelConfig.DefaultSubbufferCount };
        var clock = new Option<string>("--clock") { Description = "local: the CPU's TSC, fastest; global: never goes back across threads (one shared CAS per event)", DefaultValueFactory = _ => "local" };
        clock.AcceptOnlyFromAmong("local", "global");
        var flushInterval = new Option<int>("--flush-interval") { Description = "close every open sub-buffer each this many milliseconds, so a live reader sees a quiet channel's events (0: only full sub-buffers, and at the end)", DefaultValueFactory = _ => 0 };

        var command = new Command("record", "Record a synthetic workload with the bundled runtime tracer into a CTF 1.8 trace.");
        command.Options.Add(metadata);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.Options.Add(events);
        command.Options.Add(mode);
        command.Options.Add(subbufSize);
        command.Options.Add(subbufs);
        command.Options.Add(clock);
        command.Options.Add(flushInterval);
        command.SetAction(parse => Run(
            parse.GetValue(metadata)?.FullName,
            parse.GetValue(output)!.FullName,
            parse.GetValue(threads),
            parse.GetValue(events),
            parse.GetValue(mode) == "overwrite" ? BufferMode.Overwrite : BufferMode.Discard,
            parse.GetValue(subbufSize),
            parse.GetValue(subbufs),
            parse.GetValue(clock) == "global" ? TraceClock.Global : TraceClock.Local,
            parse.GetValue(flushInterval),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? metadataPath, string outputDirectory, int threads, long events, BufferMode mode, int subbufferSize, int subbufferCount,
        TraceClock clock, int flushIntervalMilliseconds, TextWriter output, TextWriter error)
    {
        if (threads < 1 || threads > 1024 || events < 0 || flushIntervalMilliseconds < 0)
        {
            error.WriteLine("ltt-trace record: --threads must be 1 to 1024, --events >= 0 and --flush-interval >= 0");
            return (int)ExitCode.BadInput;
        }
        EventCatalog catalog = ThreeIntegers.Catalog;
        if (metadataPath is not null)
        {
            if (!EventCatalogJson.TryLoad(metadataPath, out var loaded, out var loadError))
            {
                error.WriteLine($"ltt-trace record: {loadError}");
                return (int)ExitCode.BadInput;
            }
            catalog = loaded;
        }
        var channel = new ChannelConfig(SubbufferSize: subbufferSize, SubbufferCount: subbufferCount, Mode: mode);
        TimeSpan? flushInterval = flushIntervalMilliseconds > 0 ? TimeSpan.FromMilliseconds(flushIntervalMilliseconds) : null;
        var options = new TraceSessionOptions(outputDirectory, catalog, channel, Clock: clock, FlushInterval: flushInterval);
        if (!TraceSession.TryStart(options, out var session, out var startError))
        {
            error.WriteLine($"ltt-trace record: {startError}");
            return (int)ExitCode.BadInput;
        }
        // SIGINT/SIGTERM end the workload early; the session then stops as usual (writers joined,
        // every partial sub-buffer flushed as a last packet, files synced) and the command exits 0.
        // A second signal ends the process at once; a SIGKILL leaves the packets written so far,
        // each one whole.
        using var interrupted = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Interrupt(context, interrupted));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Interrupt(context, interrupted));

        WorkloadResult result = SyntheticWorkload.Run(session, threads, events, interrupted.Token);
        TraceSessionStats stats = session.Stop();
        session.Dispose();
        if (stats.Error is not null)
        {
            error.WriteLine($"ltt-trace record: {stats.Error}");
            return (int)ExitCode.CheckFailed;
        }
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"trace: {outputDirectory} ({catalog.Events.Count} event type(s), {channel.EffectiveCpuCount} CPU stream(s), {mode.ToString().ToLowerInvariant()} mode, {subbufferCount} x {subbufferSize} bytes per CPU)"));
        if (interrupted.IsCancellationRequested)
            output.WriteLine("interrupted: the workload stopped early");
        output.WriteLine(string.Create(invariant, $"events attempted: {stats.EventsAttempted}"));
        output.WriteLine(string.Create(invariant, $"events written: {stats.EventsInTrace}"));
        output.WriteLine(string.Create(invariant, $"events lost: {stats.EventsLost} (discarded {stats.EventsDiscarded}, overwritten {stats.EventsOverwritten})"));
        output.WriteLine(string.Create(invariant, $"bytes: {stats.Bytes} in {stats.Packets} packets"));
        output.WriteLine(string.Create(invariant, $"clock: {clock.ToString().ToLowerInvariant()} over {LocalClock.Source}, {LocalClock.Frequency} Hz; wall time per event and thread: {result.NanosecondsPerEvent:F1} ns"));
        output.WriteLine(string.Create(invariant, $"write cost: {result.CpuNanosecondsPerEvent:F1} ns/event"));
        return (int)ExitCode.Success;
    }

    private static void Interrupt(PosixSignalContext context, CancellationTokenSource interrupted)
    {
        // The first signal asks for a clean stop; a second one takes the default action.
        context.Cancel = !interrupted.IsCancellationRequested;
        interrupted.Cancel();
    }
}
