using Ltt.Probes.Spec;
using Ltt.Tracepoints.Functions;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Turns the spec's <c>kprobe</c> statements and the functions the tree defines into sites the
/// planner plans like DECLARE_TRACE ones: the function's parameters (or, for a kretprobe, its
/// return value) are the site's arguments, the statement's values its spec entry. What no kprobe
/// can do is an error at the statement's line naming the function: a function the tree does not
/// define, one the kernel will not probe, a seventh argument, a floating-point or by-value struct
/// parameter (the registers of the others cannot be told from the prototype alone), a variadic one.
/// </summary>
public static class KprobeSites
{
    public sealed record Planned(TracepointSite Site, ProbeSpecEntry Entry, KprobeTarget Target);

    public static List<Planned> Build(IReadOnlyList<KprobeSpecEntry> kprobes, KernelFunctionLookup functions, List<ScanDiagnostic> diagnostics)
    {
        var planned = new List<Planned>();
        foreach (var k in kprobes)
        {
            string what = (k.Return ? "kretprobe " : "kprobe ") + k.Function;
            void Error(string message) => diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, k.Location, $"{what}: {message}"));
            if (!functions.Functions.TryGetValue(k.Function, out var function))
            {
                Error($"no function {k.Function} in the tree ({functions.NotFound.GetValueOrDefault(k.Function) ?? "not looked up"})");
                continue;
            }
            if (function.Refusal is { } refusal)
            {
                Error($"{k.Function} ({function.Location}): {refusal}");
                continue;
            }
            if (function.IsVariadic)
            {
                Error($"{k.Function} ({function.Location}) takes a variable argument list: its arguments' places are not in the prototype");
                continue;
            }
            if (function.Params.FirstOrDefault(p => p.Type.Kind is CTypeKind.Float or CTypeKind.Struct or CTypeKind.Union) is { } odd)
            {
                Error($"{k.Function} ({function.Location}): parameter '{odd.Name}' is {(odd.Type.Kind == CTypeKind.Float ? "a floating-point value" : "a " + odd.Type.Spelling + " passed by value")}: " +
                    "the registers of its arguments cannot be told from the prototype by the integer calling convention");
                continue;
            }
            var target = new KprobeTarget(k.Function, k.Return, function.Params, k.Location);
            List<TracepointArg> args;
            if (k.Return)
            {
                if (function.Returns.Kind == CTypeKind.Void)
                {
                    Error($"{k.Function} ({function.Location}) returns void: a kretprobe has no $retval to record");
                    continue;
                }
                args = [new TracepointArg(KprobeSpecEntry.ReturnValue, function.Returns)];
            }
            else
            {
                bool beyond = false;
                foreach (var item in k.Items)
                {
                    string name = Spec.ProbeSpecParser.PathParts(item.Path)[0];
                    int index = target.IndexOf(name);
                    if (index >= KprobeTarget.RegisterArguments)
                    {
                        Error($"'{name}' is argument {index + 1} of {k.Function}: only the first {KprobeTarget.RegisterArguments} come in registers (x86-64 calling convention)");
                        beyond = true;
                    }
                    else if (index < 0)
                    {
                        Error($"{k.Function} ({function.Location}) has no parameter '{name}' (it has: {string.Join(", ", function.Params.Select(p => p.Name))})");
                        beyond = true;
                    }
                }
                if (beyond)
                    continue;
                args = function.Params.Take(KprobeTarget.RegisterArguments).Select(p => new TracepointArg(p.Name, p.Type)).ToList();
            }
            var site = new TracepointSite(SiteKind.DeclareTrace, k.EventName, k.Return ? "kretprobe" : "kprobe", function.Location, null, null, "kprobes", args, []);
            planned.Add(new Planned(site, new ProbeSpecEntry(k.EventName, k.Channel, k.Marker, k.Items, false, k.Location), target));
        }
        return planned;
    }
}
