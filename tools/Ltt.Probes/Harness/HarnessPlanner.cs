using Ltt.Probes.Plan;
using Ltt.Probes.Rendering;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Harness;

/// <summary>
/// Plans the harness: for every event and every call number, the value of every argument and
/// member its probe reads, the C statements that set them, and the payload fields expected back.
/// </summary>
public static class HarnessPlanner
{
    /// <summary>How many times the harness calls each probe, with different values each time.</summary>
    public const int CallsPerEvent = 2;

    public static HarnessPlan Build(ProbePlan plan)
    {
        var calls = new List<HarnessCall>();
        var expected = new List<ExpectedEvent>();
        var objects = new List<HarnessObject>();
        var defines = new SortedSet<string>(StringComparer.Ordinal);
        var events = plan.Events.OrderBy(e => e.Id).ToList();
        foreach (var e in events)
        {
            foreach (string symbol in ConfigSymbols(e.Site.Guard))
                defines.Add(symbol);
        }
        for (int call = 0; call < CallsPerEvent; call++)
        {
            foreach (var e in events)
            {
                string? open = e.Site.Guard is null ? null : (e.Site.Guard.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "#ifdef " : "#if ") + e.Site.Guard;
                var declarations = new List<string>();
                var (statements, callText, fields) = PlanCall(e, call, plan.Abi.PointerSize, declarations);
                foreach (string declaration in declarations)
                {
                    var declared = new HarnessObject(e.Name, declaration, null);
                    if (!objects.Contains(declared))
                        objects.Add(declared);
                }
                // One expect function per event, after the objects of its first call.
                if (call == 0 && HarnessCode.HasCode(e))
                    objects.Add(new HarnessObject(e.Name, null, HarnessCode.Expect(e, open, e.Site.Guard is null ? null : "#endif")));
                calls.Add(new HarnessCall($"fire_{e.Name}_{call}", e.Name, open, e.Site.Guard is null ? null : "#endif", statements, callText));
                expected.Add(new ExpectedEvent(e.Id, e.Name, e.Channel + "." + e.Marker, fields));
            }
        }
        return new HarnessPlan(CallsPerEvent, expected) { CallCode = calls, Objects = objects, Defines = defines.ToList() };
    }

    private static (List<string> Statements, string Call, List<ExpectedField> Fields) PlanCall(ProbeEvent e, int call, int pointerSize, List<string> objects)
    {
        var statements = new List<string>();
        var fields = new List<ExpectedField>();
        var stored = new Dictionary<string, (Int128 Raw, string? Text, string Literal)>(StringComparer.Ordinal);
        var read = HarnessCode.ArgumentsRead(e).ToHashSet(StringComparer.Ordinal);

        foreach (var v in e.Values)
        {
            if (v.Code is not null)
            {
                string passed = $"computed by the harness: {v.Code.Source.Expression?.Text ?? v.Code.Value}";
                if (v.Kind == ProbeValueKind.Sequence)
                    fields.Add(new ExpectedField(v.CountLayout!.Name, default, passed) { ComputedFrom = v, IsCount = true });
                fields.Add(new ExpectedField(v.Name, default, passed) { ComputedFrom = v });
                continue;
            }
            string leaf = v.Expression;
            if (!stored.TryGetValue(leaf, out var value))
            {
                ulong seed = HarnessValues.Seed(e.Name, leaf, call);
                CType type = v.SourceType;
                int? bitWidth = v.Steps.Count > 0 ? v.Steps[^1].Member.BitWidth : null;
                if (v.Kind == ProbeValueKind.String)
                {
                    int bound = type.Kind == CTypeKind.Array ? (int)(type.ArrayLength ?? 0) : 0;
                    if (v.StringBound > 0)
                        bound = bound > 0 ? Math.Min(bound, v.StringBound) : v.StringBound;
                    string text = HarnessValues.Text(seed, bound);
                    value = (0, text, HarnessValues.StringLiteral(text));
                }
                else if (type.Kind == CTypeKind.Pointer)
                {
                    Int128 raw = HarnessValues.Pointer(seed, pointerSize);
                    value = (raw, null, HarnessValues.Literal(raw, type));
                }
                else
                {
                    Int128 raw = HarnessValues.Integer(seed, type, bitWidth);
                    value = (raw, null, HarnessValues.Literal(raw, type));
                }
                stored[leaf] = value;
                if (v.Steps.Count > 0)
                {
                    string target = ObjectName(e, v.Arg!) + (read.Contains(v.Arg!.Name) ? "_box.obj" : "") + ObjectSteps(v.Steps);
                    statements.Add(v.Kind == ProbeValueKind.String && type.Kind == CTypeKind.Array
                        ? CStyle.WrapCall("\th_copy(", new[] { target, value.Literal, $"sizeof({target})" }, ");")
                        : CStyle.WrapStatement("\t", "\t", $"{target} = {value.Literal};"));
                }
            }
            fields.Add(new ExpectedField(v.Name, HarnessValues.Expected(v, value.Raw, value.Text), value.Literal));
        }

        // What TP_fast_assign code reads is filled first; the values set above then overwrite their members.
        var setup = new List<string>();
        var args = new List<string>();
        foreach (var arg in e.Site.Args)
        {
            var direct = e.Values.FirstOrDefault(v => v.Arg?.Name == arg.Name && v.Steps.Count == 0 && v.Code is null);
            bool deref = e.Values.Any(v => v.Arg?.Name == arg.Name && v.Steps.Count > 0);
            bool used = read.Contains(arg.Name);
            string obj = ObjectName(e, arg);
            if (direct is not null)
            {
                args.Add(stored[direct.Expression].Literal);
            }
            else if ((deref || used) && arg.Type.Kind == CTypeKind.Pointer && arg.Type.Element is { Size: > 0, Kind: not (CTypeKind.Void or CTypeKind.Function) } pointee)
            {
                if (used)
                {
                    // Code may reach around the object (container_of): it sits inside a filled box.
                    string box = obj + "_box";
                    objects.Add($"static struct {{\n\tchar before[{HarnessCode.BoxPadding}];\n\t{CTypes.Unqualified(pointee.Spelling)} obj;\n\tchar after[{HarnessCode.BoxPadding}];\n}} {box};");
                    obj = box + ".obj";
                    setup.Add(HarnessCode.Fill(box, HarnessValues.Seed(e.Name, box, call)));
                    HarnessCode.Links(e, arg, obj, call, objects, setup);
                    HarnessCode.SmallMembers(e, arg, obj, call, setup);
                }
                else
                {
                    objects.Add($"static {CTypes.Unqualified(pointee.Spelling)} {obj};");
                }
                args.Add("&" + obj);
            }
            else if (arg.Type.Kind is CTypeKind.Struct or CTypeKind.Union or CTypeKind.Array)
            {
                objects.Add($"static {RenderModelBuilder.Declaration(CTypes.Unqualified(arg.Type.Spelling), obj)};");
                args.Add(obj);
                if (used)
                {
                    setup.Add(HarnessCode.Fill(obj, HarnessValues.Seed(e.Name, obj, call)));
                    HarnessCode.Links(e, arg, obj, call, objects, setup);
                }
            }
            else if (used && (CTypes.IsIntegerLike(arg.Type) || arg.Type.Kind == CTypeKind.Pointer && arg.Type.Element is { Kind: CTypeKind.Void or CTypeKind.Function }))
            {
                ulong seed = HarnessValues.Seed(e.Name, arg.Name, call);
                args.Add(arg.Type.Kind == CTypeKind.Pointer
                    ? HarnessValues.Literal(HarnessValues.Pointer(seed, pointerSize), arg.Type)
                    : HarnessValues.Literal(HarnessValues.Integer(seed, arg.Type, null), arg.Type));
            }
            else
            {
                args.Add(CTypes.IsIntegerLike(arg.Type) ? HarnessValues.Literal(0, arg.Type) : $"({RenderModelBuilder.CastName(arg.Type)})0");
            }
        }
        statements.InsertRange(0, setup);
        string callText = CStyle.WrapCall($"\t{e.ProbeName}(", args, ");");
        if (HarnessCode.HasCode(e))
            callText = CStyle.WrapCall($"\t{HarnessCode.FunctionName(e)}(", args, ");") + "\n" + callText;
        return (statements, callText, fields);
    }

    private static string ObjectName(ProbeEvent e, TracepointArg arg) => $"h_{e.Name}_{arg.Name}";

    /// <summary>The member steps on the harness object: its first step is a '.', the object is the pointee.</summary>
    private static string ObjectSteps(IReadOnlyList<ValueStep> steps) =>
        string.Concat(steps.Select((s, i) => (i == 0 || !s.ThroughPointer ? "." : "->") + s.Member.Name));

    private static IEnumerable<string> ConfigSymbols(string? guard)
    {
        if (guard is null)
            yield break;
        int i = 0;
        while ((i = guard.IndexOf("CONFIG_", i, StringComparison.Ordinal)) >= 0)
        {
            int end = i;
            while (end < guard.Length && (char.IsAsciiLetterOrDigit(guard[end]) || guard[end] == '_'))
                end++;
            yield return guard[i..end];
            i = end;
        }
    }
}
