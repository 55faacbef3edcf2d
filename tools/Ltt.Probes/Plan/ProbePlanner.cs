using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Trace.Layout;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Decides what each probe records. For a DECLARE_TRACE site: the spec's values, else every
/// scalar argument, strings for <c>char *</c>, and for a pointer to a struct the members the
/// spec or <see cref="WellKnown"/> names (the pointer itself otherwise). For a TRACE_EVENT site:
/// the fields of <c>TP_STRUCT__entry</c>, each taken from the spec's source or from the
/// argument (or <c>arg-&gt;member</c>) of the same name. Spec mistakes are errors at the spec's
/// line; what the defaults cannot resolve is a warning at the site's line, and never silent.
/// </summary>
public static class ProbePlanner
{
    /// <param name="kprobes">Dynamic probes (<see cref="KprobeSites"/>): planned like DECLARE_TRACE sites, into modules of their own.</param>
    public static ProbePlan Plan(ScanResult scan, ProbeSpec spec, EventIdMap ids, TargetAbi abi, bool packed = false, IReadOnlyList<KprobeSites.Planned>? kprobes = null)
    {
        kprobes ??= [];
        var kprobeEntries = kprobes.ToDictionary(k => k.Site.Name, k => k.Entry, StringComparer.Ordinal);
        var targets = kprobes.ToDictionary(k => k.Site.Name, k => k.Target, StringComparer.Ordinal);
        var diagnostics = new List<ScanDiagnostic>();
        var unrecorded = new List<UnrecordedField>();
        var resolver = new ValueResolver(abi, packed);
        var planned = new List<(TracepointSite Site, string Channel, string Marker, List<ProbeValue> Values)>();
        var seen = new Dictionary<string, TracepointSite>(StringComparer.Ordinal);

        var sites = scan.Sites
            .Where(s => s.Kind != SiteKind.DeclareEventClass)
            .OrderBy(s => s.Location.File, StringComparer.Ordinal)
            .ThenBy(s => s.Location.Line)
            .Concat(kprobes.Select(k => k.Site));
        foreach (var site in sites)
        {
            if (!seen.TryAdd(site.Name, site))
            {
                diagnostics.Add(Warning(site.Location, $"tracepoint {site.Name} is declared again (first at {seen[site.Name].Location}); this one gets no probe"));
                continue;
            }
            if (!kprobeEntries.TryGetValue(site.Name, out var entry))
                spec.Entries.TryGetValue(site.Name, out entry);
            if (entry?.Skip == true)
                continue;
            int errorsBefore = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            string channel = entry?.Channel ?? (spec.Channels.TryGetValue(site.System, out var c) ? c : WellKnown.ChannelOf(site.System));
            var values = site.IsEvent
                ? PlanEventFields(site, entry, resolver, spec.Includes.ContainsKey(channel), diagnostics, unrecorded)
                : PlanTraceArgs(site, entry, spec, resolver, diagnostics, unrecorded);
            if (kprobeEntries.ContainsKey(site.Name))
            {
                foreach (var item in entry!.Items.Where(i => i.AsString))
                {
                    if (values.FirstOrDefault(v => v.Name == item.FieldName) is { Kind: not ProbeValueKind.String } notString)
                        diagnostics.Add(Error(item.Location, $"{site.Macro} {targets[site.Name].Function}: '{item.Path}' is {notString.SourceType.Spelling}, not a C string ('as string' takes a char * or a char array)"));
                }
            }
            if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore)
                continue;
            string marker = entry?.Marker ?? DefaultMarker(site.Name, channel);
            planned.Add((site, channel, marker, values));
        }
        var skipped = scan.Unresolved.GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var entry in spec.Entries.Values.Where(e => !seen.ContainsKey(e.Tracepoint)))
        {
            if (skipped.TryGetValue(entry.Tracepoint, out var site))
                diagnostics.Add(Warning(entry.Location, $"{entry.Tracepoint} is skipped: its site does not resolve ({site.Location}: {site.Reason})"));
            else
                diagnostics.Add(Error(entry.Location, $"no tracepoint named {entry.Tracepoint} in the tree"));
        }
        CheckMarkerNames(planned.Select(p => (p.Site, p.Channel, p.Marker)), diagnostics);

        var (grown, added) = ids.Assign(planned.Select(p => p.Site.Name));
        var modules = planned
            .Select(p => MakeEvent(p.Site, grown[p.Site.Name], p.Channel, p.Marker, p.Values, packed) with { Kprobe = targets.GetValueOrDefault(p.Site.Name) })
            .GroupBy(e => (e.Channel, Kprobes: e.Kprobe is not null))
            .OrderBy(g => g.Key.Channel, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Kprobes)
            .Select(g => new ProbeModule(g.Key.Channel, g.ToList(), Includes(g, spec)) { Kprobes = g.Key.Kprobes })
            .ToList();
        var generated = modules.SelectMany(m => m.Events).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return new ProbePlan(abi, packed, modules, grown, added, diagnostics) { Unrecorded = unrecorded.Where(u => generated.Contains(u.Event)).ToList() };
    }

    /// <summary>The tracepoint's name without its channel's prefix: <c>block.bio_queue</c> for <c>block_bio_queue</c>.</summary>
    private static string DefaultMarker(string tracepoint, string channel) =>
        tracepoint.StartsWith(channel + "_", StringComparison.Ordinal) && tracepoint.Length > channel.Length + 1
            ? tracepoint[(channel.Length + 1)..]
            : tracepoint;

    private static ProbeEvent MakeEvent(TracepointSite site, int id, string channel, string marker, List<ProbeValue> values, bool packed)
    {
        var placed = ValueResolver.PlaceOffsets(values);
        var format = MarkerFormat.Create(placed.Select(v => v.Marker));
        var layout = new EventLayout(
            id,
            site.Name,
            channel,
            placed.SelectMany(v => v.Layouts).ToList(),
            Marker: marker,
            Format: format.ToString(),
            Source: site.Location.ToString(),
            Packed: packed);
        return new ProbeEvent(site, id, channel, marker, placed, format, layout);
    }

    /// <summary>
    /// The spec's headers for the channel first, in its order (they give the trace headers their
    /// context); then the headers defining the structs whose members the probes read, sorted
    /// (a trace header may only declare <c>struct ext4_prealloc_space;</c>); then the trace
    /// headers, sorted.
    /// </summary>
    private static List<string> Includes(IEnumerable<ProbeEvent> events, ProbeSpec spec)
    {
        var list = events.ToList();
        var extra = list.Count > 0 && spec.Includes.TryGetValue(list[0].Channel, out var headers) ? headers : [];
        var traceHeaders = list.Where(e => e.Kprobe is null).Select(e => IncludePath(e.Site.Location.File)).Where(h => !extra.Contains(h)).Distinct().Order(StringComparer.Ordinal).ToList();
        var definitions = list.SelectMany(e => e.Values.SelectMany(v => DefinitionFiles(e.Site, v))).Select(IncludePath)
            .Where(h => !extra.Contains(h) && !traceHeaders.Contains(h)).Distinct().Order(StringComparer.Ordinal);
        return [.. extra, .. definitions, .. traceHeaders];
    }

    /// <summary>
    /// The tree files defining the structs a value reads a member of (<c>pa-&gt;pa_pstart</c>:
    /// <c>struct ext4_prealloc_space</c>'s); for TP_fast_assign code, those of the arguments it reads.
    /// </summary>
    private static IEnumerable<string> DefinitionFiles(TracepointSite site, ProbeValue value)
    {
        if (value.Arg is null)
        {
            foreach (var arg in site.Args.Where(a => value.Code?.Arguments.Contains(a.Name) == true))
            {
                CType? owner = arg.Type.Kind == CTypeKind.Pointer ? arg.Type.Element : arg.Type;
                if (owner?.DeclaredIn is { } declared && !Path.IsPathRooted(declared) && declared.EndsWith(".h", StringComparison.Ordinal))
                    yield return declared;
            }
            yield break;
        }
        CType type = value.Arg.Type;
        foreach (var step in value.Steps)
        {
            CType? owner = step.ThroughPointer ? type.Element : type;
            if (owner?.DeclaredIn is { } file && !Path.IsPathRooted(file) && file.EndsWith(".h", StringComparison.Ordinal))
                yield return file;
            type = step.Member.Type;
        }
    }

    /// <summary>
    /// How a module includes a tree file: <c>trace/sched.h</c> for <c>include/trace/sched.h</c>
    /// (and <c>arch/*/include/</c>), else the path from the top of the tree, which the Kbuild
    /// adds to the include path (<c>fs/ext4/ext4_trace.h</c>).
    /// </summary>
    private static string IncludePath(string file)
    {
        string[] parts = file.Split('/');
        int root = parts[0] == "include" ? 1 : parts.Length > 3 && parts[0] == "arch" && parts[2] == "include" ? 3 : 0;
        if (root == 0)
            return file;
        // arch/<arch>/include/generated/, include/generated/uapi/ and the uapi/ folders are include
        // roots too; include/generated/ itself is not (<generated/autoconf.h>).
        if (root == 3 && parts.Length > 5 && parts[3] == "generated")
            root++;
        else if (root == 1 && parts.Length > 3 && parts[1] == "generated" && parts[2] == "uapi")
            root++;
        if (parts.Length > root + 1 && parts[root] == "uapi")
            root++;
        return string.Join('/', parts[root..]);
    }

    private static List<ProbeValue> PlanTraceArgs(TracepointSite site, ProbeSpecEntry? entry, ProbeSpec spec, ValueResolver resolver, List<ScanDiagnostic> diagnostics,
        List<UnrecordedField> unrecorded)
    {
        var values = new List<ProbeValue>();
        if (entry is { Items.Count: > 0 })
        {
            foreach (var item in entry.Items)
            {
                if (!resolver.TryResolvePath(site, item.Path, out var arg, out var steps, out var type, out string error) ||
                    !resolver.TryMakeValue(item.FieldName, arg, steps, type, null, item.TraceType, out var value, out error))
                {
                    diagnostics.Add(Error(item.Location, $"{site.Name}: {error}"));
                    continue;
                }
                values.Add(value);
            }
            return values;
        }

        foreach (var arg in site.Args)
        {
            var pointee = CTypes.PointeeStruct(arg.Type);
            if (pointee is not null && StructMembers(pointee, spec, out var members, out var fromSpec))
            {
                foreach (var member in members)
                {
                    string path = arg.Name + "->" + member.Path;
                    string name = arg.Name + "_" + member.FieldName;
                    bool found = resolver.TryResolvePath(site, path, out var a, out var steps, out var type, out string error);
                    if (found && resolver.TryMakeValue(name, a, steps, type, null, member.TraceType, out var value, out error))
                    {
                        values.Add(value);
                    }
                    else if (fromSpec)
                    {
                        diagnostics.Add(Error(member.Location, $"{site.Name}: {error}"));
                    }
                    else
                    {
                        NotRecorded(site, name, site.Location, found ? TypeOrStruct(error, type) : new Unrecordable(UnrecordedCause.StructNotDefined, pointee.Spelling, error),
                            diagnostics, unrecorded, $"default member {path}");
                    }
                }
                continue;
            }
            if (resolver.TryMakeValue(arg.Name, arg, [], arg.Type, null, null, out var direct, out string why))
                values.Add(direct);
            else
                NotRecorded(site, arg.Name, site.Location, TypeOrStruct(why, arg.Type), diagnostics, unrecorded, $"argument '{arg.Name}'");
        }
        return values;
    }

    /// <summary>The members recorded for a struct pointer: the spec's default, else the built-in one if the struct has them all.</summary>
    private static bool StructMembers(CType pointee, ProbeSpec spec, out IReadOnlyList<ProbeSpecItem> members, out bool fromSpec)
    {
        string tag = CTypes.StructTag(pointee);
        if (spec.Structs.TryGetValue(tag, out var described))
        {
            members = described.Members;
            fromSpec = true;
            return true;
        }
        fromSpec = false;
        if (WellKnown.TryGetMembers(tag, out string[] names) && names.All(n => pointee.Members.Any(m => m.Name == n)))
        {
            members = names.Select(n => new ProbeSpecItem(null, n, null, new SourceLocation("", 0))).ToList();
            return true;
        }
        members = [];
        return false;
    }

    /// <param name="moduleIncludes">True when the spec gives the channel's module headers of its own: then the
    /// calls TP_fast_assign makes that the trace header does not declare are taken to be declared by them.</param>
    private static List<ProbeValue> PlanEventFields(TracepointSite site, ProbeSpecEntry? entry, ValueResolver resolver, bool moduleIncludes, List<ScanDiagnostic> diagnostics,
        List<UnrecordedField> unrecorded)
    {
        var values = new List<ProbeValue>();
        var items = entry?.Items.ToDictionary(i => i.FieldName, StringComparer.Ordinal) ?? [];
        var fields = site.Fields.Where(f => f.Macro != "common").ToList();
        var assign = FastAssignParser.Parse(ArgRenamer.Apply(site.Assign, site), fields);
        var entryMacros = EntryMacros.Parse(ArgRenamer.Apply(site.Entry, site));
        var code = new CodeValueBuilder(resolver.Abi, resolver.Packed, resolver) { TrustCalls = moduleIncludes };
        var unplaced = assign.Unplaced.GroupBy(u => u.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var item in items.Values.Where(i => fields.All(f => f.Name != i.FieldName)))
            diagnostics.Add(Error(item.Location, $"{site.Name}: TP_STRUCT__entry has no field '{item.FieldName}' (fields: {string.Join(", ", fields.Select(f => f.Name))})"));

        foreach (var field in fields)
        {
            if (items.TryGetValue(field.Name, out var item))
            {
                if (!resolver.TryResolvePath(site, item.Path, out var arg, out var steps, out var type, out string error) ||
                    !resolver.TryMakeValue(field.Name, arg, steps, type, field, item.TraceType, out var value, out error))
                {
                    diagnostics.Add(Error(item.Location, $"{site.Name}: {error}"));
                    continue;
                }
                values.Add(value);
                continue;
            }
            if (unplaced.TryGetValue(field.Name, out var u))
            {
                NotRecorded(site, field.Name, u.Location, u.Why, diagnostics, unrecorded);
                continue;
            }
            if (assign.Sources.TryGetValue(field.Name, out var source))
            {
                if (TryFromSource(site, field, source, resolver, code, entryMacros, out var fromAssign, out Unrecordable reason))
                    values.Add(fromAssign);
                else
                    NotRecorded(site, field.Name, source.Location, reason, diagnostics, unrecorded);
                continue;
            }
            string? why = null;
            foreach (string path in CandidatePaths(site, field.Name))
            {
                if (resolver.TryResolvePath(site, path, out var arg, out var steps, out var type, out _) &&
                    resolver.TryMakeValue(field.Name, arg, steps, type, field, null, out var value, out why))
                {
                    values.Add(value);
                    why = null;
                    break;
                }
            }
            if (why is not null || !values.Any(v => v.Name == field.Name))
            {
                NotRecorded(site, field.Name, site.Location, why is not null
                    ? TypeOrStruct(why, field.Type)
                    : new Unrecordable(UnrecordedCause.NoSource, site.Location.File,
                        $"no argument or member of that name; give its source in ltt/probes.spec ({site.Name}: {field.Name} = <arg>->member)"),
                    diagnostics, unrecorded);
            }
        }
        return values;
    }

    /// <summary>
    /// The value recorded for <paramref name="field"/> from its TP_fast_assign source: a value
    /// path is resolved on the prototype (the harness then knows its value in C#); anything
    /// else, or a path through a struct the header does not define, is code the probe runs.
    /// </summary>
    private static bool TryFromSource(
        TracepointSite site,
        EventField field,
        FieldSource source,
        ValueResolver resolver,
        CodeValueBuilder code,
        Dictionary<string, (string Macro, IReadOnlyList<CFragment> Args)> entryMacros,
        out ProbeValue value,
        out Unrecordable why)
    {
        if (source.Kind is FieldSourceKind.Value or FieldSourceKind.String && source.Expression is { } expression &&
            SourcePath.TryGet(expression, field, out string path) &&
            resolver.TryResolvePath(site, path, out var arg, out var steps, out var type, out _) &&
            resolver.TryMakeValue(field.Name, arg, steps, type, field, null, out value, out _))
        {
            why = null!;
            return true;
        }
        return code.TryMake(site, field, source, entryMacros, out value, out why);
    }

    /// <summary>Where a TRACE_EVENT field most likely comes from: <c>name</c>, <c>x-&gt;y</c> for <c>x_y</c>, <c>arg-&gt;name</c>.</summary>
    private static IEnumerable<string> CandidatePaths(TracepointSite site, string field)
    {
        if (site.Args.Any(a => a.Name == field))
            yield return field;
        foreach (var arg in site.Args)
        {
            if (field.StartsWith(arg.Name + "_", StringComparison.Ordinal) && CTypes.PointeeStruct(arg.Type) is not null)
                yield return arg.Name + "->" + field[(arg.Name.Length + 1)..];
        }
        var owners = site.Args.Where(a => CTypes.PointeeStruct(a.Type)?.Members.Any(m => m.Name == field) == true).ToList();
        if (owners.Count == 1)
            yield return owners[0].Name + "->" + field;
    }

    private static void CheckMarkerNames(IEnumerable<(TracepointSite Site, string Channel, string Marker)> events, List<ScanDiagnostic> diagnostics)
    {
        var byMarker = new Dictionary<string, TracepointSite>(StringComparer.Ordinal);
        foreach (var (site, channel, marker) in events)
        {
            if (!byMarker.TryAdd(channel + "." + marker, site))
                diagnostics.Add(Error(site.Location, $"marker {channel}.{marker} is used by {site.Name} and by {byMarker[channel + "." + marker].Name}"));
        }
    }

    /// <summary>A value the probe does not record: a warning naming it, and its entry in the plan's list of causes.</summary>
    private static void NotRecorded(TracepointSite site, string field, SourceLocation at, Unrecordable why, List<ScanDiagnostic> diagnostics,
        List<UnrecordedField> unrecorded, string? what = null)
    {
        var warning = Warning(at, $"{site.Name}: {what ?? $"field '{field}'"} not recorded: {why.Message}");
        diagnostics.Add(warning);
        unrecorded.Add(new UnrecordedField(site.Name, field, at, why, warning));
    }

    /// <summary>A value path the resolver refused: a whole struct, or a type with no marker format.</summary>
    private static Unrecordable TypeOrStruct(string message, CType type) =>
        type.Kind is CTypeKind.Struct or CTypeKind.Union
            ? new Unrecordable(UnrecordedCause.WholeStruct, type.Spelling, message)
            : new Unrecordable(UnrecordedCause.Type, type.Spelling, message);

    private static ScanDiagnostic Error(SourceLocation at, string message) => new(DiagnosticSeverity.Error, at, message);

    private static ScanDiagnostic Warning(SourceLocation at, string message) => new(DiagnosticSeverity.Warning, at, message);
}
