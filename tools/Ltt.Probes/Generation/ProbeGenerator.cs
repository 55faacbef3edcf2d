using Ltt.Probes.Harness;
using Ltt.Probes.Ids;
using Ltt.Probes.Plan;
using Ltt.Probes.Rendering;
using Ltt.Probes.Spec;
using Ltt.Trace.Ctf;
using Ltt.Trace.Layout;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Functions;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Generation;

/// <summary>
/// Renders a planned probe set into files: <c>probes/</c> (the target's modules, Kbuild and
/// Makefile), <c>metadata/</c> (marker table, CTF TSDL, <c>events.json</c>, the grown id map)
/// and, for targets with a harness template, <c>harness/</c> (<c>harness.c</c>, <c>harness.h</c>,
/// one file per module). Pure: nothing touches
/// the disk except reading templates; <see cref="OutputFolder"/> writes the result.
/// </summary>
public static class ProbeGenerator
{
    /// <summary>The template of a module of kprobes (one per channel that has them).</summary>
    public const string KprobeModuleTemplate = "kprobe-module.c.sbn";

    /// <summary>Scans the tree, loads its spec and id map, and renders: the whole of <c>ltt-gen probes</c> but the writing.</summary>
    public static GeneratedOutput Generate(ScanOptions scan, ProbeGeneratorOptions options) =>
        Generate(TracepointScanner.Scan(scan), scan, options);

    /// <summary>
    /// Loads the tree's spec and id map, looks up the functions of its kprobes, and renders an
    /// existing scan of it (for a caller that needs the scan too).
    /// </summary>
    public static GeneratedOutput Generate(ScanResult scanned, ScanOptions scan, ProbeGeneratorOptions options)
    {
        var spec = ProbeSpecParser.Load(scan.Tree, options.SpecPath);
        var ids = EventIdMap.Load(scan.Tree, options.IdsPath);
        return Render(scanned, spec, ids, options, Functions(scan, spec.Spec));
    }

    /// <summary>The functions the spec's kprobes sit on, looked up in the tree (nothing when it has none).</summary>
    public static KernelFunctionLookup? Functions(ScanOptions scan, ProbeSpec spec) =>
        spec.Kprobes.Count == 0 ? null : KernelFunctionFinder.Find(scan, spec.Kprobes.Select(k => k.Function).ToList());

    /// <param name="functions">The functions of the spec's kprobes (<see cref="Functions"/>); without them a kprobe is an error.</param>
    public static GeneratedOutput Render(ScanResult scan, ProbeSpecParseResult spec, EventIdMapParseResult ids, ProbeGeneratorOptions options,
        KernelFunctionLookup? functions = null)
    {
        var diagnostics = new List<ScanDiagnostic>();
        diagnostics.AddRange(scan.Diagnostics);
        if (scan.HasErrors && scan.FilesParsed == 0 && scan.Sites.Count == 0 && scan.Markers.Count == 0)
        {
            // The tree could not be scanned at all (no arch headers, not a folder): checking the
            // spec against no tracepoint would only repeat that, line by line.
            return new GeneratedOutput(new SortedDictionary<string, string>(StringComparer.Ordinal), null, null, null, diagnostics, []);
        }
        diagnostics.AddRange(spec.Diagnostics);
        diagnostics.AddRange(ids.Diagnostics);
        var templateErrors = new List<TemplateDiagnostic>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);

        var probes = TemplateSet.Load(options.ResolvedTemplatesRoot, "probes/" + options.Target, templateErrors);
        var metadata = TemplateSet.Load(options.ResolvedTemplatesRoot, "metadata", templateErrors);
        if (probes is null || metadata is null || spec.HasErrors || ids.HasErrors)
            return new GeneratedOutput(files, null, null, null, diagnostics, templateErrors);

        // A scan request that was wrong stops here; the tree's own errors only skip the sites they touch.
        if (scan.HasInputErrors)
            return new GeneratedOutput(files, null, null, null, diagnostics, templateErrors);
        var kprobes = new List<KprobeSites.Planned>();
        if (spec.Spec.Kprobes.Count > 0)
        {
            if (!probes.Contains(KprobeModuleTemplate))
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, spec.Spec.Kprobes[0].Location,
                    $"kprobes are generated for --target tracepoint; templates/probes/{options.Target}/ has no {KprobeModuleTemplate}"));
                return new GeneratedOutput(files, null, null, null, diagnostics, templateErrors);
            }
            functions ??= new KernelFunctionLookup(new Dictionary<string, KernelFunction>(),
                spec.Spec.Kprobes.Select(k => k.Function).Distinct().ToDictionary(f => f, _ => "the tree's functions were not looked up", StringComparer.Ordinal), []);
            kprobes = KprobeSites.Build(spec.Spec.Kprobes, functions, diagnostics);
            diagnostics.AddRange(functions.Diagnostics);
        }
        var plan = ProbePlanner.Plan(scan, spec.Spec, ids.Map, options.Abi, options.Packed, kprobes);
        diagnostics.AddRange(plan.Diagnostics);
        if (plan.NewIds.Count > 0 && !options.UpdateIds)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, new SourceLocation(options.IdsPath, 0),
                $"{plan.NewIds.Count} event(s) had no id and got one ({Names(plan.NewIds)}): " +
                $"run ltt-gen probes --update-ids to append them to {options.IdsPath}"));
        }
        var catalog = Catalog(plan, options);
        string json = EventCatalogJson.Write(catalog);
        var traceParameters = TraceParameters(json, options);
        // The recorder writes the metadata's UUID in every packet header: "0x09", "0xb7"...
        var traceUuid = traceParameters.Uuid.ToByteArray(bigEndian: true).Select(b => $"0x{b:x2}").ToList();
        var modules = plan.Modules.Select(m => RenderModelBuilder.Build(m, options.Packed)).ToList();

        // module.c.sbn, module.h.sbn...: one file per module, named after it; the rest once.
        var perModule = probes.TemplateNames.Where(n => n.StartsWith("module.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var (module, planned) in modules.Zip(plan.Modules))
        {
            if (planned.Kprobes)
            {
                Add(files, "probes/" + module.Name + ".c", probes.Render(KprobeModuleTemplate, new { Module = module, options.Generator }, templateErrors));
                continue;
            }
            foreach (string name in perModule)
                Add(files, "probes/" + module.Name + name["module".Length..^".sbn".Length], probes.Render(name, new { Module = module, options.Generator }, templateErrors));
        }
        foreach (string name in probes.TemplateNames.Where(n => !n.StartsWith("harness", StringComparison.Ordinal) && !perModule.Contains(n)
                     && n != KprobeModuleTemplate && !TemplateSet.IsPart(n)))
            Add(files, "probes/" + name[..^".sbn".Length], probes.Render(name, new { Modules = modules, options.Generator, TraceUuid = traceUuid }, templateErrors));

        HarnessPlan? harness = null;
        if (probes.Contains("harness.c.sbn") && probes.Contains("harness-module.c.sbn"))
        {
            harness = HarnessPlanner.Build(plan);
            var events = modules.SelectMany(m => m.Events).OrderBy(e => e.Id).ToList();
            foreach (var module in modules)
            {
                var names = module.Events.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
                var calls = harness.CallCode.Where(c => names.Contains(c.Event)).ToList();
                var objects = harness.Objects.Where(o => names.Contains(o.Event)).ToList();
                Add(files, $"harness/{module.Name}.c", probes.Render("harness-module.c.sbn",
                    new { options.Generator, Module = module, Calls = calls, Objects = objects }, templateErrors));
            }
            Add(files, "harness/harness.c", probes.Render("harness.c.sbn",
                new { options.Generator, Events = events, Calls = harness.CallCode }, templateErrors));
            if (probes.Contains("harness.h.sbn"))
                Add(files, "harness/harness.h", probes.Render("harness.h.sbn", new { options.Generator, Calls = harness.CallCode }, templateErrors));
            Add(files, "harness/defines", string.Concat(harness.Defines.Select(d => d + "\n")));
        }

        var events2 = plan.Events.OrderBy(e => e.Id).Select(e => new
        {
            e.Id,
            e.Name,
            e.Channel,
            e.Marker,
            Format = e.FormatText,
            Source = e.Site.Location.ToString(),
        }).ToList();
        foreach (string name in metadata.TemplateNames)
            Add(files, "metadata/" + name[..^".sbn".Length], metadata.Render(name, new { Events = events2, options.Generator }, templateErrors));
        Add(files, "metadata/events.json", json);
        Add(files, "metadata/metadata", TsdlWriter.Write(catalog, traceParameters));
        Add(files, "metadata/event-ids", plan.Ids.Write());
        if (plan.Events.Any(e => e.Kprobe is not null))
            Add(files, "metadata/" + KprobeEvents.FileName, KprobeEvents.Write(plan));

        var treeErrors = scan.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsInputError).ToList();
        var unrecordedWarnings = plan.Unrecorded.Select(u => u.Warning).ToHashSet();
        var report = new GenerationReport(
            plan.Events.Count(),
            plan.Modules.Count,
            scan.LeftOut,
            scan.Unresolved,
            treeErrors,
            plan.Unrecorded,
            scan.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList(),
            diagnostics.Skip(scan.Diagnostics.Count).Where(d => d.Severity == DiagnosticSeverity.Warning && !unrecordedWarnings.Contains(d)).ToList())
        {
            PerMacro = scan.CountsPerMacro(),
        };
        Add(files, GenerationReport.FileName, report.Text());
        return new GeneratedOutput(files, plan, catalog, harness, diagnostics, templateErrors) { Report = report };
    }

    /// <summary>The <c>events.json</c> model of a plan: every event in id order.</summary>
    public static EventCatalog Catalog(ProbePlan plan, ProbeGeneratorOptions options) => new(
        options.Abi.Arch,
        options.Abi.PointerSize,
        options.Abi.LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian,
        plan.Events.OrderBy(e => e.Id).Select(e => e.Layout).ToList(),
        options.Generator);

    /// <summary>
    /// The TSDL's trace parameters. The UUID is derived from events.json so that the same tree
    /// gives the same bytes; a trace recorded with these probes states its own UUID.
    /// </summary>
    private static CtfTraceParameters TraceParameters(string eventsJson, ProbeGeneratorOptions options)
    {
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(eventsJson));
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        return new CtfTraceParameters(
            new Guid(hash.AsSpan(0, 16), bigEndian: true),
            options.Abi.LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian,
            Environment:
            [
                new("domain", "kernel"),
                new("tracer_name", "lttng-0.105"),
                new("generator", options.Generator),
                new("target", options.Target),
            ]);
    }

    /// <summary>The first names of a list and how many more: a whole tree's 4,000 new events are no message.</summary>
    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 10 ? string.Join(", ", names) : string.Join(", ", names.Take(10)) + $" and {names.Count - 10} more";

    private static void Add(SortedDictionary<string, string> files, string path, string? text)
    {
        if (text is not null)
            files[path] = text;
    }
}
