using Ltt.IO;
using System.Diagnostics;
using System.Globalization;
using Ltt.Probes.Generation;
using Ltt.Probes.Rendering;
using Ltt.Tracepoints.Kernels;
using Ltt.Tracepoints.Model;
using Ltt.Validation.Kernel.Comparison;

namespace Ltt.Validation.Kernel;

/// <summary>
/// The real-kernel validation run: generate the tracepoint probes and the recorder for a
/// kernel's headers, build them with kbuild, boot the kernel in QEMU with them and a workload,
/// record the same tracepoints with our recorder and with ftrace on the same clock, bring both
/// traces out through a 9p share, and compare them. Everything lands in
/// <see cref="KernelRunOptions.OutputFolder"/>:
/// <c>generated/</c> (probes, metadata, kbuild logs), <c>guest-build/</c> (helper, initramfs,
/// disk), <c>guest/</c> (console log and what the guest said), <c>ctf/</c> (our trace),
/// <c>ftrace/</c> (ftrace's record), <c>metadata/</c> (events.json, not-recorded.json).
/// </summary>
public static class KernelRun
{
    public static KernelRunResult Run(KernelRunOptions options, Action<string>? progress = null)
    {
        progress ??= _ => { };
        var clock = Stopwatch.StartNew();
        var notes = new List<string>();
        var inputs = Resolve(options, out string? bad);
        if (inputs is null)
            return BadInputResult(bad!, clock.Elapsed);
        var (headers, image, modules) = inputs.Value;
        bool kvmOpens = QemuRun.KvmUsable();
        if (options.Accelerator == QemuAccelerator.Kvm && !kvmOpens)
            return BadInputResult("KVM was asked for (--accel kvm), but /dev/kvm cannot be opened by this user", clock.Elapsed);
        string output = Path.GetFullPath(options.OutputFolder);
        progress($"kernel {headers.Release}: headers {headers.Build}, image {image.Vmlinuz}");

        var problems = new List<string>();
        string generated = Path.Combine(output, "generated");
        var build = ProbeBuild.Run(headers, options, generated, progress);
        if (build.Failure is not null)
        {
            problems.Add(build.Failure);
            return Result(null);
        }
        // A module kbuild cannot build is the generator's limit, counted (modules_failed) and
        // named, not a failed run: the run judges what was built (it must load and agree).
        foreach (var failure in build.Failed)
            notes.Add($"module {failure.Module} does not build: {failure.Reason}");
        progress($"built {build.Built.Count} probe modules and the recorder; {build.Failed.Count} did not build");
        foreach (var dropped in build.Dropped)
            notes.Add($"event {dropped.Event} left out of {dropped.Module}: {dropped.Reason}");
        if (build.KprobesLeftOut is { } noKprobes)
            notes.Add("kprobes: " + noKprobes);
        problems.AddRange(build.KprobeErrors.Select(e => "kprobe not generated: " + e));
        if (options.ReuseBuild)
            ClearGuestOutput(output);
        WriteMetadata(output, generated, NotRecorded(build.Output!.Diagnostics));

        string guestBuild = Path.Combine(output, "guest-build");
        Directory.CreateDirectory(guestBuild);
        string guestTemplates = Path.Combine(options.ResolvedTemplatesRoot, "guest");
        string helper = Path.Combine(guestBuild, "ltt-guest");
        var gcc = ToolRun.Start(options.Gcc, ["-static", "-O2", "-Wall", "-o", helper, Path.Combine(guestTemplates, "ltt-guest.c")]);
        if (!gcc.Success)
            return BadInputResult($"cannot build the guest helper: {gcc.Command}: {gcc.Error.Trim()}", clock.Elapsed);

        var names = GuestImage.ModuleNames(guestTemplates, out string? namesError);
        if (names is null)
            return BadInputResult(namesError!, clock.Elapsed);
        var missing = new List<string>();
        // The kernel's modules our probe modules link against (modpost's depends=, e.g. sunrpc)
        // load at boot, or those probe modules would not load.
        var probeDependencies = ProbeDependencies(build.ProbesFolder, build.Built).Where(m => !modules.IsBuiltin(m)).ToList();
        var boot = modules.LoadOrder(names.Value.Boot.Concat(probeDependencies), missing);
        var cycle = modules.LoadOrder(names.Value.Cycle, missing).Where(m => !boot.Contains(m)).ToList();
        foreach (string name in missing)
            notes.Add($"module {name}: neither built into this kernel nor in its modules.dep; the guest goes without it");

        var plan = new GuestPlan(
            boot,
            cycle,
            build.Built,
            string.Create(CultureInfo.InvariantCulture, $"subbuf_size={options.SubbufferKiB * 1024} n_subbufs={options.Subbuffers} clock=mono"),
            options.FtraceBufferKiB,
            "mono")
        {
            KprobeEvents = KprobeEventLines(build),
        };
        var templateErrors = new List<TemplateDiagnostic>();
        string? init = GuestImage.RenderInit(options.ResolvedTemplatesRoot, plan, templateErrors);
        if (init is null)
            return BadInputResult("templates: " + string.Join("; ", templateErrors), clock.Elapsed);
        string initrd = Path.Combine(guestBuild, "initrd.gz");
        GuestImage.Write(initrd, init, File.ReadAllText(Path.Combine(guestTemplates, "workload.sh")), options.Busybox, helper,
            image.Modules, plan, build.ProbesFolder);

        string disk = Path.Combine(guestBuild, "disk.img");
        using (var file = File.Create(disk))
            file.SetLength(128L << 20);
        var mkfs = ToolRun.Start(options.Mkfs, ["-q", "-F", disk]);
        if (!mkfs.Success)
            return BadInputResult($"cannot make the guest's ext4 disk: {mkfs.Command}: {mkfs.Error.Trim()}", clock.Elapsed);

        Directory.CreateDirectory(Path.Combine(output, "guest"));
        string console = Path.Combine(output, "guest", "console.log");
        progress($"booting {image.Release} in QEMU ({options.Cpus} CPUs, {options.MemoryMiB} MiB)");
        var qemu = GuestBoot.Run(options.Qemu, options.Accelerator, kvmOpens,
            kvm => QemuRun.Arguments(image.Vmlinuz, initrd, output, disk, console, options.Cpus, options.MemoryMiB, kvm),
            console, options.GuestTimeout, GuestBoot.KvmBootLimit, progress, notes);
        File.WriteAllText(Path.Combine(output, "guest", "qemu.log"), qemu.Command + "\n" + qemu.Output + qemu.Error);

        var guest = GuestReport.Read(output);
        if (!guest.Finished)
        {
            problems.Add($"the guest did not finish ({(qemu.ExitCode == -1 ? qemu.Error.Trim() : "QEMU exit " + qemu.ExitCode)}): " +
                (guest.Failures.Count > 0 ? string.Join("; ", guest.Failures) : "see guest/console.log"));
            return Result(guest);
        }
        if (guest.Release != headers.Release)
            problems.Add($"the guest runs {guest.Release}, the probes were built for {headers.Release}");
        foreach (string module in guest.ModulesFailed)
            problems.Add($"module {module} does not load: {InsmodReason(guest.InsmodLog, module)}");
        CheckProbes(guest, notes);
        CheckKprobes(guest, build, problems);

        progress("comparing our trace with ftrace's, hit for hit");
        var report = Compare(output, options, TickFields(build), problems, notes);
        if (report is not null)
            CheckRecorderCounts(guest, report, Path.Combine(output, "ctf"), problems);
        var counters = Counters(guest, build);
        if (report is not null)
        {
            var t = report.Totals;
            counters = counters with
            {
                TracepointsHit = t.TracepointsHit,
                HitsCompared = t.HitsCompared,
                FieldsCompared = t.FieldsCompared,
                FieldCoverage = t.FieldCoverage,
                Mismatches = t.Mismatches,
                LostOurs = t.LostOurs,
                LostFtrace = t.LostFtrace,
                KprobesHit = t.KprobesHit,
                KprobeHitsCompared = t.KprobeHitsCompared,
            };
            notes.Add($"{t.NestedReorders} hits nested between the two probes of another hit, {t.EdgeHits} ftrace hits at the edges (before our recorder started, after it stopped), largest timestamp difference {t.MaxTimestampDeltaNs} ns (bound {report.Options.TimestampBoundNs} ns)");
        }
        return new KernelRunResult(false, problems, counters, build, guest, notes, clock.Elapsed) { Comparison = report };

        KernelRunResult Result(GuestReport? guestReport) =>
            new(false, problems, Counters(guestReport, build), build, guestReport, notes, clock.Elapsed);
    }

    /// <summary>Compares the two traces; every mismatch, loss and problem the comparison found is a problem of the run.</summary>
    private static ComparisonReport? Compare(string output, KernelRunOptions options, IReadOnlySet<string> tickFields, List<string> problems, List<string> notes)
    {
        string notRecordedFile = Path.Combine(output, "metadata", "not-recorded.json");
        if (!NotRecordedFieldsJson.TryLoad(notRecordedFile, out var notRecorded, out var notRecordedError))
        {
            problems.Add(notRecordedError.ToString());
            return null;
        }
        var result = KernelTraceComparison.Compare(new ComparisonInput(
            Path.Combine(output, "ctf"),
            Path.Combine(output, "metadata", "events.json"),
            Path.Combine(output, "ftrace"),
            notRecorded,
            new ComparisonOptions { AllowLoss = options.AllowLoss, TimestampBoundNs = options.TimestampBoundNs }) { TickFields = tickFields });
        if (result.Report is not { } report)
        {
            problems.AddRange(result.Diagnostics.Select(d => d.ToString()));
            return null;
        }
        problems.AddRange(report.Problems);
        notes.AddRange(report.Notes);
        problems.AddRange(report.Mismatches.Select(m => "mismatch: " + m.Message));
        if (report.Totals.Mismatches > report.Mismatches.Count)
            problems.Add($"... and {report.Totals.Mismatches - report.Mismatches.Count} more mismatches (counted, not listed)");
        if (report.LossFails)
        {
            foreach (var cpu in report.Cpus.Where(c => c.LostOurs > 0 || c.LostFtrace > 0 || c.LostFtraceUnknown))
                problems.Add($"cpu {cpu.Cpu}: lost {cpu.LostOurs} events ours, {(cpu.LostFtraceUnknown ? "an unknown number" : cpu.LostFtrace.ToString(CultureInfo.InvariantCulture))} ftrace's (buffers too small for the workload; --allow-loss to accept)");
        }
        return report;
    }

    /// <summary>
    /// What the recorder says it wrote and lost, per CPU, against what the trace holds: an event
    /// the recorder counted but no packet carries (or a loss no packet reports) is a recorder bug.
    /// </summary>
    private static void CheckRecorderCounts(GuestReport guest, ComparisonReport report, string ctf, List<string> problems)
    {
        var events = EventsPerStream(ctf);
        foreach (var stats in guest.Recorder)
        {
            long lost = report.Cpus.FirstOrDefault(c => c.Cpu == stats.Cpu)?.LostOurs ?? 0;
            long inTrace = events.GetValueOrDefault($"stream_{stats.Cpu}");
            if (stats.Lost != lost)
                problems.Add($"cpu {stats.Cpu}: the recorder counted {stats.Lost} lost events, its packets report {lost}");
            if (stats.Written != inTrace)
                problems.Add($"cpu {stats.Cpu}: the recorder wrote {stats.Written} events, stream_{stats.Cpu} holds {inTrace}");
        }
    }

    private static Dictionary<string, long> EventsPerStream(string ctf)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var opened = Ltt.Trace.Reader.TraceSet.Open(ctf);
        if (opened.Traces is not { } traces)
            return counts;
        using (traces)
        {
            foreach (var stream in traces.Streams)
            {
                long n = 0;
                while (stream.MoveNext())
                    n++;
                counts[Path.GetFileName(stream.FileName)] = n;
            }
        }
        return counts;
    }

    /// <summary>Finds the headers, the image and modules of their release; null with the one reason it cannot.</summary>
    private static (KernelHeaders, KernelImage, ModuleIndex)? Resolve(KernelRunOptions options, out string? error)
    {
        error = null;
        var headers = options.Build is null ? InstalledKernelHeaders.FindNewest() : InstalledKernelHeaders.FromBuild(options.Build);
        if (headers is null)
        {
            error = options.Build is null ? InstalledKernelHeaders.MissingMessage() : $"{options.Build}: not a configured kernel build (no .config and Makefile)";
            return null;
        }
        if (headers.MissingParts() is { Count: > 0 } parts)
        {
            error = $"the kernel headers in {headers.Build} are incomplete: {string.Join(", ", parts)} missing";
            return null;
        }
        KernelImage? image;
        if (options.Kernel is not null)
        {
            if (!File.Exists(options.Kernel))
            {
                error = $"{options.Kernel}: no such kernel image";
                return null;
            }
            string? release = BzImage.Release(options.Kernel, out error);
            if (release is null)
                return null;
            string? modulesFolder = options.Modules ?? KernelImages.Find(release, options.ImageRoots)?.Modules;
            if (modulesFolder is null)
            {
                error = $"no modules for {release} (the release of {options.Kernel}): give --modules <lib/modules/{release}>";
                return null;
            }
            image = new KernelImage(Path.GetFullPath(options.Kernel), Path.GetFullPath(modulesFolder), release);
        }
        else
        {
            image = KernelImages.Find(headers.Release, options.ImageRoots);
            if (image is null)
            {
                error = KernelImages.MissingMessage(headers.Release, options.ImageRoots);
                return null;
            }
            if (options.Modules is not null)
                image = image with { Modules = Path.GetFullPath(options.Modules) };
        }
        string? imageRelease = BzImage.Release(image.Vmlinuz, out error);
        if (imageRelease is null)
            return null;
        if (imageRelease != headers.Release)
        {
            error = $"the headers in {headers.Build} are for {headers.Release}, the image {image.Vmlinuz} is {imageRelease}";
            return null;
        }
        if (Path.GetFileName(image.Modules.TrimEnd('/')) != headers.Release)
        {
            error = $"{image.Modules}: the modules folder of another release than {headers.Release}";
            return null;
        }
        var modules = ModuleIndex.Load(image.Modules, out error);
        if (modules is null)
            return null;
        var qemu = ToolRun.Start(options.Qemu, ["--version"]);
        if (!qemu.Success)
        {
            error = $"no QEMU: {qemu.Error.Trim()} (install qemu-system-x86 with `bash .ci/install`)";
            return null;
        }
        if (!File.Exists(options.Busybox) || !StaticExecutable.Check(options.Busybox, out error))
        {
            error ??= $"{options.Busybox}: no such file (install busybox-static)";
            return null;
        }
        if (!options.ReuseBuild && Directory.Exists(options.OutputFolder) && Directory.EnumerateFileSystemEntries(options.OutputFolder).Any())
        {
            error = $"{options.OutputFolder}: exists and is not empty";
            return null;
        }
        Directory.CreateDirectory(options.OutputFolder);
        return (headers, image, modules);
    }

    /// <summary>
    /// Fields whose TP_fast_assign reads the tick counter and no argument (<c>__entry-&gt;now = jiffies</c>):
    /// each probe reads it at its own moment. Found in the generator's plan, not from a list of events.
    /// </summary>
    private static HashSet<string> TickFields(ProbeBuildResult build)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ev in build.Output?.Plan?.Events ?? [])
        {
            foreach (var value in ev.Values)
            {
                if (value.Code is { Arguments.Count: 0 } code && code.Source.Expression?.Text.Trim() is "jiffies" or "jiffies_64" or "get_jiffies_64()")
                    fields.Add($"{ev.Name}.{value.Name}");
            }
        }
        return fields;
    }

    /// <summary>The kernel modules the built probe modules depend on, from modpost's <c>MODULE_INFO(depends, ...)</c> in each <c>.mod.c</c> (the recorder apart).</summary>
    private static IEnumerable<string> ProbeDependencies(string probesFolder, IEnumerable<string> built)
    {
        const string marker = "MODULE_INFO(depends, \"";
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string module in built)
        {
            string file = Path.Combine(probesFolder, module + ".mod.c");
            if (!File.Exists(file))
                continue;
            foreach (string line in File.ReadLines(file))
            {
                int at = line.IndexOf(marker, StringComparison.Ordinal);
                int end = at < 0 ? -1 : line.IndexOf('"', at + marker.Length);
                if (end < 0)
                    continue;
                foreach (string name in line[(at + marker.Length)..end].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (name.Replace('-', '_') != "ltt_recorder")
                        names.Add(name);
                }
            }
        }
        return names;
    }

    /// <summary>Copies what the comparison reads next to the traces: events.json, the TSDL, the fields left out.</summary>
    private static void WriteMetadata(string output, string generated, IReadOnlyList<NotRecordedField> notRecorded)
    {
        string metadata = Path.Combine(output, "metadata");
        string ctf = Path.Combine(output, "ctf");
        Directory.CreateDirectory(metadata);
        Directory.CreateDirectory(ctf);
        File.Copy(Path.Combine(generated, "metadata", "events.json"), Path.Combine(metadata, "events.json"), overwrite: true);
        File.Copy(Path.Combine(generated, "metadata", "metadata"), Path.Combine(ctf, "metadata"), overwrite: true);
        File.WriteAllText(Path.Combine(metadata, "not-recorded.json"), NotRecordedFieldsJson.Write(notRecorded));
    }

    /// <summary>The fields the generator left out, from its warnings, one per event and field.</summary>
    private static IReadOnlyList<NotRecordedField> NotRecorded(IEnumerable<ScanDiagnostic> diagnostics) =>
        diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Warning)
            .Select(d => NotRecordedFieldsJson.FromWarning(d.Message, d.Location.ToString()))
            .OfType<NotRecordedField>()
            .DistinctBy(f => (f.Event, f.Field))
            .ToList();

    /// <summary>Removes what an earlier boot of the same run wrote, so nothing stale is read as this one's.</summary>
    private static void ClearGuestOutput(string output)
    {
        foreach (string folder in new[] { "guest", "ftrace", "guest-build" })
        {
            string path = Path.Combine(output, folder);
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        foreach (string stream in Directory.Exists(Path.Combine(output, "ctf")) ? Directory.GetFiles(Path.Combine(output, "ctf"), "stream_*") : [])
            File.Delete(stream);
    }

    /// <summary>ftrace's kprobe events for the kprobes of the modules that built: the same functions and values as ours.</summary>
    private static string KprobeEventLines(ProbeBuildResult build) =>
        string.Concat((build.Output?.Plan?.Modules ?? [])
            .Where(m => m.Kprobes && build.Built.Contains(m.Name))
            .SelectMany(m => m.Events)
            .Select(e => KprobeEvents.Line(e) + "\n"));

    /// <summary>
    /// Every kprobe of a loaded module must have registered, and ftrace must have taken every kprobe
    /// event: the run's kprobes are chosen to exist in the kernel, so a refusal is the generator's error.
    /// </summary>
    private static void CheckKprobes(GuestReport guest, ProbeBuildResult build, List<string> problems)
    {
        var functions = (build.Output?.Plan?.Events ?? []).Where(e => e.Kprobe is not null).ToDictionary(e => e.Name, e => e.Kprobe!.Function, StringComparer.Ordinal);
        foreach (var k in guest.Kprobes.Where(k => !k.Registered))
        {
            string why = k.Error switch
            {
                -2 => "no such symbol in kallsyms (inlined, or another build)",
                -22 => "the kernel refuses to probe it (notrace, NOKPROBE_SYMBOL, or not at a function's start)",
                _ => "see guest/dmesg",
            };
            problems.Add($"kprobe {k.Event} on {functions.GetValueOrDefault(k.Event, "?")} ({k.Module}): registering failed with {k.Error}: {why}");
        }
        foreach (string line in guest.KprobeEventsRefused)
            problems.Add($"ftrace refused the kprobe event '{line}' (see guest/dmesg)");
    }

    /// <summary>A probe whose tracepoint the guest lacks is a note (another configuration, a module not loaded), not a failure.</summary>
    private static void CheckProbes(GuestReport guest, List<string> notes)
    {
        var absent = guest.Probes.Where(p => !p.Registered).Select(p => p.Tracepoint).ToList();
        if (absent.Count > 0)
            notes.Add($"{absent.Count} probes have no tracepoint in the booted kernel or its loaded modules: {string.Join(", ", absent.Take(20))}{(absent.Count > 20 ? ", ..." : "")}");
    }

    private static string InsmodReason(string log, string module) =>
        log.Split('\n').FirstOrDefault(l => l.Contains(module, StringComparison.Ordinal))?.Trim() is { Length: > 0 } line ? line : "see guest/insmod.log";

    private static KernelRunCounters Counters(GuestReport? guest, ProbeBuildResult? build) => new(
        guest?.Release,
        build?.Built.Count ?? 0,
        build?.Failed.Count ?? 0,
        guest?.Probes.Count(p => p.Registered) ?? 0,
        0, 0, 0, 0, 0, 0, 0)
    {
        KprobesRegistered = guest?.Kprobes.Count(k => k.Registered) ?? 0,
    };

    private static KernelRunResult BadInputResult(string reason, TimeSpan elapsed) =>
        new(true, [reason], new KernelRunCounters(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), null, null, [], elapsed);
}
