using Ltt.IO;
using System.Text.RegularExpressions;
using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Functions;
using Ltt.Tracepoints.Kernels;

namespace Ltt.Validation.Kernel;

/// <summary>
/// Generates the <c>tracepoint</c>-target probes and the recorder for a kernel's headers and
/// builds them with kbuild, keeping going past a module that does not build: every object is
/// compiled with <c>make -k</c>, then the modules whose objects built are linked (undefined
/// symbols are that module's failure, not the whole build's).
/// </summary>
public static partial class ProbeBuild
{
    /// <summary>The module the recorder builds into.</summary>
    public const string Recorder = "ltt-recorder";

    public static ProbeBuildResult Run(KernelHeaders headers, KernelRunOptions options, string folder, Action<string> progress)
    {
        string probes = Path.Combine(folder, "probes");
        var scanOptions = new ScanOptions
        {
            Tree = options.Source ?? headers.Common,
            BuildDirectory = headers.Build,
            Paths = options.Paths,
        };
        progress($"scanning {scanOptions.Tree} ({string.Join(", ", options.Paths)}) with the configuration of {headers.Build}");
        var scan = TracepointScanner.Scan(scanOptions);
        var (spec, functions, kprobesLeftOut) = Kprobes(headers, options, progress);
        var generate = new ProbeGeneratorOptions
        {
            Target = "tracepoint",
            TemplatesRoot = options.ResolvedTemplatesRoot,
            UpdateIds = true,
            Generator = "ltt-trace kernel-run",
        };
        var output = ProbeGenerator.Render(scan, spec, EventIdMap.Parse("", "ltt/event-ids"), generate, functions);
        if (spec.HasErrors)
            return Failed(output, probes, "the kprobe spec: " + string.Join("; ", spec.Diagnostics.Where(d => d.Severity == Ltt.Tracepoints.Model.DiagnosticSeverity.Error)));
        var kprobeErrors = output.Diagnostics
            .Where(d => d.Severity == Ltt.Tracepoints.Model.DiagnosticSeverity.Error && d.Location.File == spec.Spec.File)
            .Select(d => d.ToString()).ToList();
        if (output.TemplateErrors.Count > 0)
            return Failed(output, probes, "templates: " + string.Join("; ", output.TemplateErrors));
        if (output.Plan is null || !output.Files.ContainsKey("probes/Kbuild"))
            return Failed(output, probes, "nothing was generated: " + string.Join("; ", output.Diagnostics.Take(5)));
        if (options.ReuseBuild)
            WriteChanged(folder, output.Files);
        else if (OutputFolder.Write(folder, output.Files) is { } writeError)
            return Failed(output, probes, writeError);

        var modules = output.Plan.Modules.Select(m => m.Name).ToList();
        int jobs = options.BuildJobs > 0 ? options.BuildJobs : Environment.ProcessorCount;
        progress($"building {modules.Count} probe modules and the recorder with kbuild (-j{jobs})");
        // --output-sync: each object's messages come together, so a failure is told by its own errors.
        string[] make = ["-C", headers.Build, "M=" + probes, "-j" + jobs, "--output-sync=target"];
        if (options.Source is not null)
            make = [.. make, "LTT_SOURCE=" + options.Source];
        var compile = ToolRun.Start(options.Make, [.. make, "-k", "modules"], timeout: TimeSpan.FromMinutes(60));
        File.WriteAllText(Path.Combine(folder, "kbuild-compile.log"), compile.Command + "\n" + compile.Output + compile.Error);
        string compileLog = compile.Output + compile.Error;
        var failed = new List<ModuleBuildFailure>();
        foreach (string module in modules.Append(Recorder))
        {
            if (!File.Exists(Path.Combine(probes, module + ".o")))
                failed.Add(new ModuleBuildFailure(module, FirstErrors(compileLog, module)));
        }
        if (failed.Any(f => f.Module == Recorder))
            return Failed(output, probes, "the recorder does not build: " + failed.First(f => f.Module == Recorder).Reason, failed);

        // Link what compiled; an undefined symbol fails its own module only.
        var compiled = modules.Where(m => failed.All(f => f.Module != m)).ToList();
        File.WriteAllText(Path.Combine(probes, "Kbuild"), KbuildFor(output.Files["probes/Kbuild"], compiled));
        // modpost runs again only without its output: its undefined-symbol warnings are the answer here.
        File.Delete(Path.Combine(probes, "Module.symvers"));
        var link = ToolRun.Start(options.Make, [.. make, "KBUILD_MODPOST_WARN=1", "modules"], timeout: TimeSpan.FromMinutes(30));
        File.WriteAllText(Path.Combine(folder, "kbuild-link.log"), link.Command + "\n" + link.Output + link.Error);
        if (!link.Success)
            return Failed(output, probes, "kbuild could not link the modules that compiled: " + LastLines(link.Output + link.Error), failed);

        // A probe that calls a function the kernel does not export links to nothing: leave its
        // event out (ids kept, so only its module recompiles) and link again.
        var dropped = new List<DroppedEvent>();
        var undefined = Undefined(link.Output + link.Error);
        if (undefined.Count > 0)
        {
            dropped.AddRange(EventsCalling(output, probes, undefined));
            if (dropped.Count > 0)
            {
                progress($"{dropped.Count} events call functions the kernel does not export; generating their modules without them");
                var names = dropped.Select(d => d.Event).ToHashSet(StringComparer.Ordinal);
                var ids = EventIdMap.Parse(output.Files["metadata/event-ids"], "ltt/event-ids");
                var again = ProbeGenerator.Render(scan with { Sites = scan.Sites.Where(site => !names.Contains(site.Name)).ToList() }, spec, ids, generate, functions);
                if (again.TemplateErrors.Count > 0 || again.Plan is null)
                    return Failed(again, probes, "templates: " + string.Join("; ", again.TemplateErrors), failed);
                output = again;
                WriteChanged(folder, output.Files.Where(f => f.Key != "probes/Kbuild"));
                File.Delete(Path.Combine(probes, "Module.symvers"));
                link = ToolRun.Start(options.Make, [.. make, "KBUILD_MODPOST_WARN=1", "modules"], timeout: TimeSpan.FromMinutes(30));
                File.AppendAllText(Path.Combine(folder, "kbuild-link.log"), link.Command + "\n" + link.Output + link.Error);
                if (!link.Success)
                    return Failed(output, probes, "kbuild could not link the modules that compiled: " + LastLines(link.Output + link.Error), failed);
                undefined = Undefined(link.Output + link.Error);
            }
        }
        foreach (var (module, symbols) in undefined)
        {
            if (failed.All(f => f.Module != module))
                failed.Add(new ModuleBuildFailure(module, $"{string.Join(", ", symbols)} not exported to modules (modpost)"));
            File.Delete(Path.Combine(probes, module + ".ko"));
        }
        if (failed.Any(f => f.Module == Recorder))
            return Failed(output, probes, "the recorder does not link: " + failed.First(f => f.Module == Recorder).Reason, failed);
        var built = modules.Where(m => File.Exists(Path.Combine(probes, m + ".ko"))).ToList();
        foreach (string module in modules.Where(m => !built.Contains(m) && failed.All(f => f.Module != m)))
            failed.Add(new ModuleBuildFailure(module, "no .ko after linking"));
        return new ProbeBuildResult(output, probes, built, failed.OrderBy(f => f.Module, StringComparer.Ordinal).ToList(), null)
        {
            Dropped = dropped,
            KprobesLeftOut = kprobesLeftOut,
            KprobeErrors = kprobeErrors,
        };
    }

    /// <summary>
    /// The run's kprobe spec and the functions of its kprobes, looked up in a source tree; without
    /// one (the headers have no .c files) the spec's kprobes are left out, and the reason is returned.
    /// </summary>
    private static (ProbeSpecParseResult Spec, KernelFunctionLookup? Functions, string? LeftOut) Kprobes(KernelHeaders headers, KernelRunOptions options, Action<string> progress)
    {
        string file = options.ResolvedKprobeSpec;
        if (!File.Exists(file))
            return (ProbeSpecParser.Parse("", "ltt/probes.spec"), null, $"{file}: no such kprobe spec");
        var spec = ProbeSpecParser.Parse(File.ReadAllText(file), file);
        if (spec.HasErrors || spec.Spec.Kprobes.Count == 0)
            return (spec, null, spec.HasErrors ? null : $"{file} has no kprobe statement");
        if (options.ResolvedFunctionsTree() is not { } tree)
        {
            return (spec with { Spec = spec.Spec with { Kprobes = [] } }, null,
                $"no kernel source tree to find the kprobes' functions in (give --functions <linux source>); the run goes without its {spec.Spec.Kprobes.Count} kprobes");
        }
        progress($"looking up the {spec.Spec.Kprobes.Count} kprobes' functions in {tree}");
        return (spec, ProbeGenerator.Functions(new ScanOptions { Tree = tree, BuildDirectory = headers.Build }, spec.Spec), null);
    }

    /// <summary>Module name to the symbols modpost found undefined in it.</summary>
    private static Dictionary<string, List<string>> Undefined(string log)
    {
        var undefined = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match m in UndefinedSymbol().Matches(log))
        {
            string module = Path.GetFileNameWithoutExtension(m.Groups["module"].Value);
            if (!undefined.TryGetValue(module, out var symbols))
                undefined[module] = symbols = [];
            if (!symbols.Contains(m.Groups["symbol"].Value))
                symbols.Add(m.Groups["symbol"].Value);
        }
        return undefined;
    }

    /// <summary>The events whose probe, in its module's generated source, calls one of the module's undefined symbols.</summary>
    private static IEnumerable<DroppedEvent> EventsCalling(GeneratedOutput output, string probes, Dictionary<string, List<string>> undefined)
    {
        foreach (var module in output.Plan!.Modules.Where(m => undefined.ContainsKey(m.Name)))
        {
            string source = File.ReadAllText(Path.Combine(probes, module.Name + ".c"));
            foreach (var e in module.Events)
            {
                int start = source.IndexOf("static void probe_" + e.Name + "(", StringComparison.Ordinal);
                int end = start < 0 ? -1 : source.IndexOf("\n}\n", start, StringComparison.Ordinal);
                if (end < 0)
                    continue;
                string body = source[start..end];
                string? symbol = undefined[module.Name].FirstOrDefault(sym => Regex.IsMatch(body, @"\b" + Regex.Escape(sym) + @"\s*\("));
                if (symbol is not null)
                    yield return new DroppedEvent(e.Name, module.Name, $"its probe calls {symbol}(), which the kernel does not export to modules");
            }
        }
    }

    /// <summary>Writes only the files whose text changed, so kbuild recompiles only what they feed.</summary>
    private static void WriteChanged(string folder, IEnumerable<KeyValuePair<string, string>> files)
    {
        foreach (var (relative, text) in files)
        {
            string path = Path.Combine(folder, relative);
            if (File.Exists(path) && File.ReadAllText(path) == text)
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    /// <summary>The generated Kbuild with only the recorder and <paramref name="modules"/> left in.</summary>
    private static string KbuildFor(string kbuild, IReadOnlyList<string> modules)
    {
        var keep = modules.Select(m => "obj-m += " + m + ".o").ToHashSet(StringComparer.Ordinal);
        return string.Concat(kbuild.Split('\n').Where(line => !line.StartsWith("obj-m += ", StringComparison.Ordinal) ||
            line == "obj-m += " + Recorder + ".o" || keep.Contains(line)).Select(l => l + "\n")).TrimEnd('\n') + "\n";
    }

    /// <summary>The first compiler errors of <paramref name="module"/>'s object, from its block of the (output-synced) log.</summary>
    private static string FirstErrors(string log, string module)
    {
        var lines = log.Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimStart().StartsWith("CC [M]", StringComparison.Ordinal) && l.TrimEnd().EndsWith("/" + module + ".o", StringComparison.Ordinal));
        var errors = new List<string>();
        for (int i = start + 1; start >= 0 && i < lines.Length && !lines[i].TrimStart().StartsWith("CC [M]", StringComparison.Ordinal) && errors.Count < 2; i++)
        {
            if (lines[i].Contains(" error: ", StringComparison.Ordinal) || lines[i].Contains(" fatal error: ", StringComparison.Ordinal))
                errors.Add(lines[i].Trim());
        }
        return errors.Count > 0 ? string.Join(" | ", errors) : "no object file (see generated/kbuild-compile.log)";
    }

    private static string LastLines(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5).Select(l => l.Trim()));

    private static ProbeBuildResult Failed(GeneratedOutput? output, string probes, string why, IReadOnlyList<ModuleBuildFailure>? failed = null) =>
        new(output, probes, [], failed ?? [], why);

    [GeneratedRegex("modpost: \"(?<symbol>[^\"]+)\" \\[(?<module>[^\\]]+\\.ko)\\] undefined!")]
    private static partial Regex UndefinedSymbol();
}
