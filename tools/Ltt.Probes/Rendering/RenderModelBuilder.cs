using Ltt.Probes.Plan;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Rendering;

/// <summary>Turns a planned module into what its templates see.</summary>
internal static partial class RenderModelBuilder
{
    public static RenderModule Build(ProbeModule module, bool packed)
    {
        var structs = new List<RenderStruct>();
        var events = new List<RenderEvent>();
        foreach (var e in module.Events)
        {
            var values = e.Values.Select((v, i) => Value(v, i)).ToList();
            string? structName = null;
            if (e.IsFixedSize && values.Count > 0)
            {
                structName = "serialize_" + string.Join('_', e.Values.Select(Word)) + (packed ? "_packed" : "");
                if (structs.All(s => s.Name != structName))
                    structs.Add(new RenderStruct(structName, values, packed));
            }
            var (open, close) = Guard(e.Site.Guard);
            var rendered = new RenderEvent(
                e.Name,
                e.Id,
                e.Channel,
                e.Marker,
                e.FormatText,
                CStyle.CString(e.FormatText),
                e.ProbeName,
                e.Site.Location.ToString(),
                e.Site.Macro,
                e.Site.Args.Select(a => Declaration(a.Type.Spelling, a.Name)).ToList(),
                e.Site.Args.Count == 0 ? ["void"] : e.Site.Args.Select(a => Declaration(a.Type.Spelling, a.Name)).ToList(),
                DefinitionParams(e),
                e.Site.Args.Count == 0 ? ["void"] : DefinitionParams(e),
                e.Site.Args.Select(a => a.Name).ToList(),
                e.IsFixedSize,
                structName,
                values,
                e.IsFixedSize ? e.FixedSize : -1,
                e.LargestAlignment,
                LargestAlignExpr(e, values),
                BufferSize(e),
                open,
                close,
                (e.Site.Args.Any(a => a.Name == "data") ? "void *__data" : "void *data") + " __maybe_unused",
                Locals(e))
            {
                CodeLocals = CodeLocals(e),
                CodeStatements = CodeStatements(e),
            };
            events.Add(e.Kprobe is null ? rendered : KprobeRendering.Apply(e, rendered));
        }
        var sources = module.Events.Select(e => e.Site.Location.File).Distinct().Order(StringComparer.Ordinal).ToList();
        string ident = (module.Kprobes ? "ltt_kprobes_" : "ltt_probes_") + module.Channel.Replace('-', '_');
        return new RenderModule(module.Name, ident, module.Channel, module.Includes, structs, events, sources)
        {
            // A struct a trace header names only in TP_PROTO (irq.h's tasklet_struct, which its
            // includers get from linux/interrupt.h) would otherwise be declared inside the
            // parameter list, a different type each time: declare every such tag at file scope.
            ForwardStructs = events.SelectMany(e => e.Params)
                .SelectMany(p => StructTag().Matches(p).Select(m => m.Groups[1].Value))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList(),
        };
    }

    /// <summary>The declarations of the locals TP_fast_assign code sets, in value order.</summary>
    /// <remarks>A TP_fast_assign variable or a statement several values share (one <c>if</c> setting two fields) is written once.</remarks>
    internal static List<string> CodeLocals(ProbeEvent e) =>
        e.Values.Where(v => v.Code is not null).SelectMany(v => v.Code!.Locals).Select(l => l + ";").Distinct().ToList();

    /// <summary>The TP_fast_assign code of every value, one statement per item (the templates indent and wrap them).</summary>
    internal static List<string> CodeStatements(ProbeEvent e) =>
        e.Values.Where(v => v.Code is not null).SelectMany(v => v.Code!.Statements).Distinct().ToList();

    /// <summary>
    /// The probe's parameters as its definition declares them: one it records nothing from is
    /// <c>__maybe_unused</c>, so the module compiles with -Wextra's unused-parameter warning on.
    /// </summary>
    internal static List<string> DefinitionParams(ProbeEvent e)
    {
        var used = e.Values.Where(v => v.Arg is not null).Select(v => v.Arg!.Name)
            .Concat(e.Values.Where(v => v.Code is not null).SelectMany(v => v.Code!.Arguments))
            .ToHashSet(StringComparer.Ordinal);
        return e.Site.Args.Select(a => Declaration(a.Type.Spelling, a.Name) + (used.Contains(a.Name) ? "" : " __maybe_unused")).ToList();
    }

    /// <summary>The thread's <c>marker</c>/<c>data</c>/<c>len</c>, or <c>ltt_</c>-prefixed ones when an argument has one of those names.</summary>
    private static RenderLocals Locals(ProbeEvent e) =>
        e.Site.Args.Any(a => a.Name is "marker" or "data" or "len")
            ? new RenderLocals("ltt_marker", "ltt_data", "ltt_len")
            : new RenderLocals("marker", "data", "len");

    /// <summary><c>sizeof(int)</c> as the thread's probes write it, when a member type has exactly that alignment; else the number.</summary>
    private static string LargestAlignExpr(ProbeEvent e, IReadOnlyList<RenderValue> values)
    {
        var widest = values.Where(v => !v.IsString && v.Align == e.LargestAlignment && v.Size == v.Align).FirstOrDefault();
        return e.IsFixedSize && widest is not null && e.LargestAlignment > 1 ? $"sizeof({widest.MemberType})" : e.LargestAlignment.ToString();
    }

    /// <summary>The largest payload a variable-size event can build: every pad, every field, every string at its bound.</summary>
    private static int BufferSize(ProbeEvent e)
    {
        int size = 0;
        foreach (var v in e.Values)
        {
            if (v.Kind == ProbeValueKind.String)
                size += v.StringBound is > 0 and < 128 ? v.StringBound : 128;
            else if (v.Kind == ProbeValueKind.Sequence)
                size += v.CountLayout!.Alignment - 1 + v.CountLayout.Size + v.Layout.Alignment - 1 + Tracepoints.Markers.MarkerFormat.SequenceMaxBytes;
            else
                size += v.Layout.Alignment - 1 + v.Layout.FixedSize;
        }
        return size;
    }

    private static RenderValue Value(ProbeValue v, int index)
    {
        int size = v.Layout.Size;
        bool signed = v.Layout.Signed;
        string expr = v.Expression;
        string member = "f" + (index + 1);
        if (v.Kind is ProbeValueKind.Array or ProbeValueKind.Sequence)
        {
            string element = CastName(v.SourceType);
            return new RenderValue(v.Name, member, MemberType(size, signed), expr, v.Code?.Source.Expression?.Text ?? expr, "bytes",
                size, v.Layout.Alignment, 0, false)
            {
                IsArray = v.Kind == ProbeValueKind.Array,
                IsSequence = v.Kind == ProbeValueKind.Sequence,
                MemberSuffix = v.Kind == ProbeValueKind.Array ? $"[{v.Layout.Length}]" : "",
                Bytes = v.Kind == ProbeValueKind.Array ? $"sizeof({expr})" : $"{v.Code!.Count} * sizeof({element})",
                Count = v.Code?.Count,
                CountAlign = v.CountLayout?.Alignment ?? 0,
            };
        }
        string sourceCanonical = CTypes.Unqualified(v.SourceType.Canonical);
        if (v.Kind == ProbeValueKind.Pointer)
        {
            expr = $"(unsigned long){expr}";
        }
        else if (v.Kind == ProbeValueKind.Integer && v.EntryType is { } entry && CTypes.Unqualified(entry.Canonical) != sourceCanonical)
        {
            expr = v.SourceType.Kind == CTypeKind.Pointer ? $"({CastName(entry)})(unsigned long){expr}" : $"({CastName(entry)}){expr}";
        }
        if (v.IsNetworkOrder && size > 1)
            expr = $"ltt_cpu_to_be{size * 8}({expr})";
        return new RenderValue(
            v.Name,
            member,
            v.Kind == ProbeValueKind.String ? "char *" : MemberType(size, signed),
            expr,
            v.Code?.Source.Expression?.Text ?? v.Expression,
            v.Kind == ProbeValueKind.String ? "string" : (signed ? "s" : "u") + (size * 8),
            size,
            v.Layout.Alignment,
            v.StringBound,
            v.Kind == ProbeValueKind.String);
    }

    /// <summary>The C integer type of a size and sign, as the payload structs declare their members (<c>s64</c> for 8 signed bytes).</summary>
    internal static string MemberType(int size, bool signed) => (size, signed) switch
    {
        (1, true) => "signed char",
        (1, false) => "unsigned char",
        (2, true) => "short",
        (2, false) => "unsigned short",
        (4, true) => "int",
        (4, false) => "unsigned int",
        (8, true) => "s64",
        _ => "u64",
    };

    private static string Word(ProbeValue v) => WordOf(v) + (v.Kind == ProbeValueKind.Array ? "x" + v.Layout.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    private static string WordOf(ProbeValue v) => (v.Layout.Size, v.Layout.Signed) switch
    {
        (1, true) => "char",
        (1, false) => "uchar",
        (2, true) => "short",
        (2, false) => "ushort",
        (4, true) => "int",
        (4, false) => "uint",
        (8, true) => "s64",
        _ => "u64",
    } + (v.IsNetworkOrder ? "_be" : "");

    /// <summary>A type name usable in a cast: the spelling, unless it names an anonymous type.</summary>
    internal static string CastName(CType type)
    {
        bool anonymous = type.Spelling.Contains("(unnamed", StringComparison.Ordinal) || type.Spelling.Contains("(anonymous", StringComparison.Ordinal);
        if (!anonymous)
            return type.Spelling;
        if (type.Kind == CTypeKind.Pointer)
            return "void *";
        return (type.Size, type.IsSigned) switch
        {
            (1 or 2 or 4, _) => MemberType((int)type.Size, type.IsSigned),
            (8, true) => "long long",
            _ => "unsigned long long",
        };
    }

    /// <summary><c>struct task_struct *prev</c> from the type's spelling and the name; handles arrays and function pointers.</summary>
    internal static string Declaration(string spelling, string name)
    {
        int fnPointer = spelling.IndexOf("(*)", StringComparison.Ordinal);
        if (fnPointer >= 0)
            return spelling[..(fnPointer + 2)] + name + spelling[(fnPointer + 2)..];
        int array = spelling.IndexOf('[');
        if (array >= 0)
            return spelling[..array].TrimEnd() + " " + name + spelling[array..];
        return spelling.EndsWith('*') ? spelling + name : spelling + " " + name;
    }

    private static (string? Open, string? Close) Guard(string? guard)
    {
        if (string.IsNullOrWhiteSpace(guard))
            return (null, null);
        bool plain = guard.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return plain ? ($"#ifdef {guard}", $"#endif /* {guard} */") : ($"#if {guard}", $"#endif /* {guard} */");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bstruct\s+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial System.Text.RegularExpressions.Regex StructTag();
}
