using System.Globalization;
using Ltt.Probes.Generation;
using Ltt.Probes.Plan;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Rendering;

/// <summary>
/// What makes a planned event a kprobe handler in C: its arguments read from the registers
/// (<c>regs_get_kernel_argument()</c>, <c>regs_return_value()</c>), every member reached
/// through a pointer copied with <c>copy_from_kernel_nofault()</c> (<c>copy_from_user_nofault()</c>
/// through a <c>__user</c> argument) into a local the payload then reads, and strings read with the
/// <c>_nofault()</c> string copies. The payload code itself is the tracepoint probes'.
/// </summary>
internal static class KprobeRendering
{
    public static RenderEvent Apply(ProbeEvent e, RenderEvent rendered)
    {
        var target = e.Kprobe!;
        var locals = new List<string>();
        var statements = new List<string>();
        var used = e.Values.Select(v => v.Arg!.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var arg in e.Site.Args.Where(a => used.Contains(a.Name)))
        {
            int index = target.IndexOf(arg.Name);
            string type = LocalType(arg.Type);
            string source = index < 0
                ? "regs_return_value(regs)"
                : "regs_get_kernel_argument(regs, " + index.ToString(CultureInfo.InvariantCulture) + ")";
            string declared = index >= 0 && target.Params[index].IsUser && type.EndsWith(" *", StringComparison.Ordinal)
                ? type[..^2] + " __user *"
                : type;
            locals.Add(RenderModelBuilder.Declaration(declared, arg.Name) + " = (" + declared + ")" + source + ";");
        }
        var values = new List<RenderValue>();
        for (int i = 0; i < e.Values.Count; i++)
        {
            var v = e.Values[i];
            var value = rendered.Values[i];
            int index = target.IndexOf(v.Arg!.Name);
            bool user = index >= 0 && target.Params[index].IsUser;
            if (v.Steps.Count == 0)
            {
                values.Add(v.Kind == ProbeValueKind.String ? value with { Helper = user ? "user_string" : "kernel_string" } : value);
                continue;
            }
            string local = Read(v, i, user, locals, statements);
            string helper = v.Kind != ProbeValueKind.String ? value.Helper
                : v.SourceType.Kind == CTypeKind.Array ? "string" : "kernel_string";
            values.Add(value with
            {
                Expr = value.Expr.Replace(v.Expression, local, StringComparison.Ordinal),
                Bytes = value.Bytes?.Replace(v.Expression, local, StringComparison.Ordinal),
                Helper = helper,
            });
        }
        string variable = (target.Return ? "ltt_krp_" : "ltt_kp_") + target.Function;
        string param = target.Return ? "struct kretprobe_instance *ri __always_unused" : "struct kprobe *kp __always_unused";
        return rendered with
        {
            Values = values,
            CodeLocals = locals,
            CodeStatements = statements,
            Kprobe = new RenderKprobe(target.Function, target.Return, variable, param, KprobeEvents.MaxActive),
        };
    }

    /// <summary>
    /// Copies the value of a member path into a local, one pointer at a time: <c>a-&gt;b-&gt;c</c> reads
    /// <c>a-&gt;b</c> into one local and <c>-&gt;c</c> of it into the next; the address of a member
    /// is computed, never loaded, until the copy. Returns the local holding the value.
    /// </summary>
    private static string Read(ProbeValue v, int index, bool user, List<string> locals, List<string> statements)
    {
        var hops = new List<List<ValueStep>>();
        foreach (var step in v.Steps)
        {
            if (step.ThroughPointer || hops.Count == 0)
                hops.Add([]);
            hops[^1].Add(step);
        }
        string through = v.Arg!.Name;
        string local = "";
        for (int h = 0; h < hops.Count; h++)
        {
            string path = through + string.Concat(hops[h]);
            local = h == hops.Count - 1
                ? "ltt_v" + (index + 1).ToString(CultureInfo.InvariantCulture)
                : "ltt_v" + (index + 1).ToString(CultureInfo.InvariantCulture) + "_" + (h + 1).ToString(CultureInfo.InvariantCulture);
            string copy = user && h == 0 ? "copy_from_user_nofault" : "copy_from_kernel_nofault";
            locals.Add($"typeof({path}) {local};");
            statements.Add($"if ({copy}(&{local}, &{path}, sizeof({local})))\n\tmemset(&{local}, 0, sizeof({local}));");
            through = local;
        }
        return local;
    }

    /// <summary>
    /// The C type of an argument's local: an integer, enum or bool as the plain integer of its size
    /// and sign (no typedef or enum definition needed), a pointer as its type with typedefs looked through.
    /// </summary>
    private static string LocalType(CType type)
    {
        if (type.Kind == CTypeKind.Pointer)
        {
            string canonical = type.Canonical;
            return canonical.Contains("(unnamed", StringComparison.Ordinal) || canonical.Contains("(anonymous", StringComparison.Ordinal)
                ? RenderModelBuilder.CastName(type)
                : canonical;
        }
        return RenderModelBuilder.MemberType((int)type.Size, type.IsSigned);
    }
}
