using Ltt.Probes.Plan;
using Ltt.Probes.Rendering;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Harness;

/// <summary>
/// The harness's side of values TP_fast_assign computes (<see cref="ValueCode"/>): C# cannot
/// evaluate them, so the harness runs the same code on the same arguments in an
/// <c>expect_&lt;event&gt;()</c> function and records each result with
/// <c>ltt_userspace_expect()</c> just before the probe's own record. The objects the code reads
/// are filled with a deterministic byte pattern (<c>h_fill()</c>), and the pointers it follows
/// (<c>rq-&gt;rq_disk-&gt;major</c>) lead to more such objects.
/// </summary>
internal static class HarnessCode
{
    /// <summary>Elements of the array a pointer member read by code is pointed at, in bytes.</summary>
    private const int PointeeBytes = 256;

    /// <summary>Bytes of filled memory on each side of an argument's object that code reads (container_of reaches before it).</summary>
    public const int BoxPadding = 512;

    public static bool HasCode(ProbeEvent e) => e.Values.Any(v => v.Code is not null);

    public static IEnumerable<string> ArgumentsRead(ProbeEvent e) => e.Values.Where(v => v.Code is not null).SelectMany(v => v.Code!.Arguments);

    public static string FunctionName(ProbeEvent e) => "expect_" + e.Name;

    /// <summary>The statement filling <paramref name="obj"/> with the pattern of <paramref name="seed"/>.</summary>
    public static string Fill(string obj, ulong seed) =>
        CStyle.WrapCall("\th_fill(", new[] { "&" + obj, $"sizeof({obj})", $"0x{seed:x}UL" }, ");");

    /// <summary>
    /// For every member chain the code follows from <paramref name="arg"/> (held in the object
    /// <paramref name="obj"/>), the objects to declare and the statements that link and fill them:
    /// a pointer the code follows with '-&gt;' gets an object of its pointee's type, a pointer
    /// member of the argument's struct the code only reads gets a filled buffer.
    /// </summary>
    public static void Links(ProbeEvent e, TracepointArg arg, string obj, int call, List<string> declarations, List<string> statements)
    {
        var pointee = arg.Type.Kind == CTypeKind.Pointer ? arg.Type.Element : arg.Type;
        var chains = new List<List<string>>();
        foreach (var v in e.Values.Where(v => v.Code is not null && v.Code.Arguments.Contains(arg.Name)))
        {
            var tokens = v.Code!.Reads;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!tokens[i].Is(arg.Name) || i > 0 && (tokens[i - 1].Is("->") || tokens[i - 1].Is(".")))
                    continue;
                var chain = new List<string>();
                for (int j = i + 1; j + 1 < tokens.Count && (tokens[j].Is("->") || tokens[j].Is(".")) && tokens[j + 1].IsWord && chain.Count < 8; j += 2)
                    chain.AddRange([tokens[j].Text, tokens[j + 1].Text]);
                if (chain.Count > 0)
                    chains.Add(chain);
            }
        }
        // Prefixes (as harness lvalues) the code follows with '->', and first-level members it only reads.
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var read = new List<string>();
        foreach (var chain in chains)
        {
            string lvalue = obj + "." + chain[1];
            for (int k = 2; k < chain.Count; k += 2)
            {
                if (chain[k] == "->")
                {
                    followed.Add(lvalue);
                    lvalue = Name(lvalue) + "." + chain[k + 1];
                }
                else
                {
                    lvalue += "." + chain[k + 1];
                }
            }
            if (chain.Count == 2)
                read.Add(chain[1]);
        }
        foreach (string pointer in followed.Order(StringComparer.Ordinal))
        {
            string name = Name(pointer);
            Declare(declarations, $"static typeof(*{pointer})", name + ";");
            Statement(statements, $"{pointer} = &{name};", Fill(name, HarnessValues.Seed(e.Name, name, call)));
        }
        foreach (string member in read.Distinct().Order(StringComparer.Ordinal))
        {
            string pointer = obj + "." + member;
            if (followed.Contains(pointer) || pointee?.Members.FirstOrDefault(m => m.Name == member) is not { Type.Kind: CTypeKind.Pointer } field ||
                field.Type.Element is { Kind: CTypeKind.Function })
                continue;
            string name = Name(pointer);
            Declare(declarations, "static unsigned long long", $"{name}[{PointeeBytes / 8}];");
            Statement(statements, $"{pointer} = (void *){name};", Fill(name, HarnessValues.Seed(e.Name, name, call)));
        }
    }

    /// <summary>
    /// On the second call, every integer member of the argument's struct that no value path sets
    /// gets a small value (1 to 4), so that code which compares members with small constants (a
    /// request's type) and takes lengths from them sees other branches than the filled pattern's.
    /// </summary>
    public static void SmallMembers(ProbeEvent e, TracepointArg arg, string obj, int call, List<string> statements)
    {
        if (call % 2 == 0 || (arg.Type.Kind == CTypeKind.Pointer ? arg.Type.Element : arg.Type) is not { } pointee)
            return;
        var setByPath = e.Values.Where(v => v.Code is null && v.Arg?.Name == arg.Name && v.Steps.Count > 0).Select(v => v.Steps[0].Member.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var member in pointee.Members)
        {
            if (member.IsBitField || setByPath.Contains(member.Name) || !CTypes.IsIntegerLike(member.Type) || member.Name.Length == 0)
                continue;
            int small = 1 + (int)(HarnessValues.Seed(e.Name, obj + "." + member.Name, call) % 4);
            statements.Add(CStyle.WrapStatement("\t", "\t", $"{obj}.{member.Name} = {HarnessValues.Literal(member.Type.Kind == CTypeKind.Bool ? 1 : small, member.Type)};"));
        }
    }

    private static string Name(string lvalue) => lvalue.Replace('.', '_');

    /// <summary>Adds <c>head name</c> once, broken after the type when it passes 80 columns.</summary>
    private static void Declare(List<string> declarations, string head, string rest)
    {
        string line = head + " " + rest;
        string declaration = CStyle.Columns(line) <= CStyle.MaxColumns ? line : head + "\n\t" + rest;
        if (!declarations.Contains(declaration))
            declarations.Add(declaration);
    }

    private static void Statement(List<string> statements, string link, string fill)
    {
        string wrapped = CStyle.WrapStatement("\t", "\t", link);
        if (statements.Contains(wrapped))
            return;
        statements.Add(wrapped);
        statements.Add(fill);
    }

    /// <summary><c>static void expect_&lt;event&gt;(proto)</c>: the probe's TP_fast_assign code, then one expect record per computed value.</summary>
    public static HarnessExpect Expect(ProbeEvent e, string? guardOpen, string? guardClose)
    {
        var read = ArgumentsRead(e).ToHashSet(StringComparer.Ordinal);
        var parameters = e.Site.Args.Count == 0
            ? ["void"]
            : e.Site.Args.Select(a => RenderModelBuilder.Declaration(a.Type.Spelling, a.Name) + (read.Contains(a.Name) ? "" : " __maybe_unused")).ToList();
        var values = e.Values.Where(v => v.Code is not null).Select(v => new HarnessExpectValue(v.Name, v.Code!.Value)
        {
            IsString = v.Kind == ProbeValueKind.String,
            IsArray = v.Kind == ProbeValueKind.Array,
            IsSequence = v.Kind == ProbeValueKind.Sequence,
            Max = StringMax(v),
            Count = v.Code.Count,
            ElementType = v.Kind == ProbeValueKind.Sequence ? RenderModelBuilder.CastName(v.SourceType) : null,
        }).ToList();
        return new HarnessExpect(FunctionName(e), guardOpen, guardClose, parameters,
            RenderModelBuilder.CodeLocals(e), RenderModelBuilder.CodeStatements(e), values);
    }

    /// <summary>The most characters the probe records of this string.</summary>
    public static int StringMax(ProbeValue v) => v.StringBound > 0 ? Math.Min(127, v.StringBound - 1) : 127;
}
