using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Ltt.Cli;
using Ltt.IO;
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
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = $"trace directory to create: a new or empty one, or a trace ltt-trace record wrote before (it holds {Marker}), which is replaced",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "replace the trace directory even if ltt-trace record did not write it" };
        var threads = NumberOption.Create("--threads", "writer threads", 1, MaxThreads, 1, aliases: "-t");
        var events = NumberOption.Create("--events", "events each thread writes", 0L, long.MaxValue, 1_000_000L, aliases: "-n");
        var mode = new Option<string>("--mode") { Description = "full-buffer policy: discard or overwrite", DefaultValueFactory = _ => "discard" };
        mode.AcceptOnlyFromAmong("discard", "overwrite");
        var subbufSize = NumberOption.Create("--subbuf-size", "sub-buffer (packet) size in bytes", ChannelConfig.MinSubbufferSize, ChannelConfig.MaxSubbufferSize,
            ChannelConfig.DefaultSubbufferSize, powerOfTwo: true);
        var subbufs = NumberOption.Create("--subbufs", "sub-buffers per CPU", 2, ChannelConfig.MaxSubbufferCount, ChannelConfig.DefaultSubbufferCount, powerOfTwo: true);
        var clock = new Option<string>("--clock") { Description = "local: the CPU's TSC, fastest; global: never goes back across threads (one shared CAS per event)", DefaultValueFactory = _ => "local" };
        clock.AcceptOnlyFromAmong("local", "global");
        var flushInterval = NumberOption.Create("--flush-interval",
            "close every open sub-buffer each this many milliseconds, so a live reader sees a quiet channel's events (0: only full sub-buffers, and at the end)",
            0, int.MaxValue, 0);

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
        command.Options.Add(force);
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
            parse.InvocationConfiguration.Error,
            parse.GetValue(force)));
        return command;
    }

    /// <summary>The file <c>ltt-trace record</c> leaves in its trace directory (hidden: readers skip it): a directory carrying it may be replaced by the next run.</summary>
    public const string Marker = ".ltt-record-output";

    private const int MaxThreads = 1024;

    public static int Run(string? metadataPath, string outputDirectory, int threads, long events, BufferMode mode, int subbufferSize, int subbufferCount,
        TraceClock clock, int flushIntervalMilliseconds, TextWriter output, TextWriter error, bool force = false)
    {
        if (threads < 1 || threads > MaxThreads)
            return Refuse(error, $"--threads: '{threads}' is not a whole number from 1 to {MaxThreads}");
        if (events < 0)
            return Refuse(error, $"--events: '{events}' is not a whole number from 0 to {long.MaxValue}");
        if (flushIntervalMilliseconds < 0)
            return Refuse(error, $"--flush-interval: '{flushIntervalMilliseconds}' is not a whole number from 0 to {int.MaxValue}");
        var target = new OutputTarget
        {
            Folder = outputDirectory,
            Writer = "ltt-trace record",
            Marker = Marker,
            Force = force,
            Inputs = metadataPath is null ? [] : [metadataPath],
        };
        if (target.Check() is { } refused)
            return Refuse(error, refused);
        EventCatalog catalog = ThreeIntegers.Catalog;
        if (metadataPath is not null)
        {
            if (!EventCatalogJson.TryLoad(metadataPath, out var loaded, out var loadError))
                return Refuse(error, loadError.ToString());
            catalog = loaded;
        }
        var channel = new ChannelConfig(SubbufferSize: subbufferSize, SubbufferCount: subbufferCount, Mode: mode);
        if (channel.Validate() is [var problem, ..])
            return Refuse(error, problem);
        // Before anything is created: a run that cannot fit on the disk is refused, not started.
        if (SyntheticWorkload.CheckDiskSpace(outputDirectory, catalog, channel, threads, events) is { } space)
            return Refuse(error, space);
        using LiveFolder? folder = target.CreateLive(out string? createError);
        if (folder is null)
            return Refuse(error, createError!);
        TimeSpan? flushInterval = flushIntervalMilliseconds > 0 ? TimeSpan.FromMilliseconds(flushIntervalMilliseconds) : null;
        var options = new TraceSessionOptions(folder.Path, catalog, channel, Clock: clock, FlushInterval: flushInterval);
        if (!TraceSession.TryStart(options, out var session, out var startError))
            return Refuse(error, startError);
        // SIGINT/SIGTERM end the workload early; the session then stops as usual (writers joined,
        // every partial sub-buffer flushed as a last packet, files synced) and the command exits 0.
        // A second signal ends the process at once; a SIGKILL leaves the packets written so far,
        // each one whole. A full disk stops the workload too, and the command exits 1.
        using var interrupted = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Interrupt(context, interrupted));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Interrupt(context, interrupted));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupted.Token, session.Failed);

        WorkloadResult result = SyntheticWorkload.Run(session, threads, events, stop.Token);
        TraceSessionStats stats = session.Stop();
        session.Dispose();
        // The trace stays in every case from here on: what was written is whole and readable.
        folder.Keep();
        var invariant = CultureInfo.InvariantCulture;
        if (stats.Error is not null)
        {
            error.WriteLine($"ltt-trace record: {stats.Error}");
            error.WriteLine(string.Create(invariant,
                $"ltt-trace record: stopped: {outputDirectory} holds the {stats.EventsInTrace} events written before, in whole packets; {stats.EventsAttempted - stats.EventsInTrace} events were not written"));
            return (int)ExitCode.CheckFailed;
        }
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

    private static int Refuse(TextWriter error, string message)
    {
        error.WriteLine($"ltt-trace record: {message}");
        return (int)ExitCode.BadInput;
    }

    private static void Interrupt(PosixSignalContext context, CancellationTokenSource interrupted)
    {
        // The first signal asks for a clean stop; a second one takes the default action.
        context.Cancel = !interrupted.IsCancellationRequested;
        interrupted.Cancel();
    }
}
