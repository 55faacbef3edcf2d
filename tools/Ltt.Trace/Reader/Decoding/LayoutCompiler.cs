using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>
/// Compiles metadata scopes into flat op arrays, once per scope, and resolves sequence lengths
/// and variant tags to registers. Paths are resolved lexically (enclosing structures first), then
/// against the other scopes in CTF order; absolute paths (<c>stream.event.header.id</c>) directly.
/// </summary>
internal sealed class LayoutCompiler
{
    internal static readonly string[] ScopeRoots =
    [
        "event.fields", "event.context", "stream.event.context", "stream.event.header", "stream.packet.context", "trace.packet.header",
    ];

    private readonly CtfByteOrder _traceOrder;
    private readonly List<TraceDiagnostic> _diagnostics;
    private int _nextRegister = Registers.FirstFree;

    public LayoutCompiler(CtfByteOrder traceOrder, List<TraceDiagnostic> diagnostics)
    {
        _traceOrder = traceOrder;
        _diagnostics = diagnostics;
    }

    public int RegisterCount => _nextRegister;

    /// <summary>Integer fields seen so far, by full path: the builder and op index, so a later reference can give them a register.</summary>
    public sealed class Symbols
    {
        public Dictionary<string, (List<DecodeOp> Ops, int Index, CtfType Type)> Fields { get; } = [];

        public Symbols Copy()
        {
            var copy = new Symbols();
            foreach (var (k, v) in Fields)
                copy.Fields[k] = v;
            return copy;
        }
    }

    private sealed record Pending(List<DecodeOp> Ops, List<OpInfo> Infos);

    /// <summary>Compiles a scope; call the returned function once every scope is compiled (later scopes may still give its fields registers).</summary>
    public Func<CompiledScope> Compile(CtfStructType? type, string root, Symbols symbols, Func<string, string, CtfIntegerType, int> meaning)
    {
        if (type is null)
            return () => CompiledScope.Empty;
        var ops = new List<DecodeOp>();
        var infos = new List<OpInfo>();
        ulong meanings = 0;
        Emit(type, root, null, ops, infos, symbols, meaning, ref meanings);
        var pending = new Pending(ops, infos);
        CompiledScope? done = null;
        return () => done ??= Build(pending, meanings);
    }

    private static CompiledScope Build(Pending pending, ulong meanings)
    {
        var ops = pending.Ops.ToArray();
        var infos = pending.Infos.ToArray();
        for (int i = 0; i < ops.Length; i++)
        {
            if (ops[i].Kind == OpKind.Variant)
                ops[i].OptionByTag = TagTable(infos[i]);
        }
        var visible = ComputeVisibility(ops, infos);
        return new CompiledScope(ops, visible, visible.Length > 0 && visible[0].Visible, present: true, meanings);
    }

    private void Emit(CtfType type, string path, string? name, List<DecodeOp> ops, List<OpInfo> infos, Symbols symbols,
        Func<string, string, CtfIntegerType, int> meaning, ref ulong meanings)
    {
        int index = ops.Count;
        var op = new DecodeOp { Register = -1, SourceRegister = -1, AlignBits = Math.Max(1, type.AlignmentBits) };
        string? shown = name is null ? null : (name.StartsWith('_') ? name[1..] : name);
        switch (type)
        {
            case CtfIntegerType or CtfEnumType:
            {
                var integer = type as CtfIntegerType ?? ((CtfEnumType)type).Container;
                op.Kind = type is CtfEnumType ? OpKind.Enum : OpKind.Integer;
                op.SizeBits = integer.SizeBits;
                op.Signed = integer.Signed;
                op.BigEndian = Resolve(integer.ByteOrder) == CtfByteOrder.BigEndian;
                op.Fast = !op.BigEndian && integer.AlignmentBits % 8 == 0 && integer.SizeBits is 8 or 16 or 32 or 64;
                int register = name is null ? -1 : meaning(path, name, integer);
                if (register >= 0)
                {
                    op.Register = register;
                    meanings |= 1UL << register;
                }
                if (integer.MappedClock is not null && register != Registers.TimestampEnd)
                    op.ClockBits = integer.SizeBits;
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                symbols.Fields[path] = (ops, index, type);
                return;
            }
            case CtfFloatType real:
                op.Kind = OpKind.Float;
                op.SizeBits = real.SizeBits;
                op.BigEndian = Resolve(real.ByteOrder) == CtfByteOrder.BigEndian;
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                return;
            case CtfStringType:
                op.Kind = OpKind.String;
                op.AlignBits = 8;
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                return;
            case CtfArrayType { Element: CtfIntegerType { IsCharacter: true } } text:
                op.Kind = OpKind.TextArray;
                op.Count = text.Length;
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                return;
            case CtfSequenceType { Element: CtfIntegerType { IsCharacter: true } } textSeq:
                op.Kind = OpKind.TextSequence;
                op.SourceRegister = Reference(textSeq.LengthPath, path, symbols, "sequence length");
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                return;
            case CtfArrayType array:
                op.Kind = OpKind.Array;
                op.Count = array.Length;
                op.ElementMinBits = MinBits(array.Element);
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                Emit(array.Element, path, null, ops, infos, symbols, meaning, ref meanings);
                ops[index] = ops[index] with { Body = ops.Count - index - 1 };
                return;
            case CtfSequenceType sequence:
                op.Kind = OpKind.Sequence;
                op.SourceRegister = Reference(sequence.LengthPath, path, symbols, "sequence length");
                op.ElementMinBits = MinBits(sequence.Element);
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                Emit(sequence.Element, path, null, ops, infos, symbols, meaning, ref meanings);
                ops[index] = ops[index] with { Body = ops.Count - index - 1 };
                return;
            case CtfStructType structure:
                op.Kind = OpKind.StructBegin;
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                foreach (var member in structure.Members)
                    Emit(member.Type, path + "." + member.Name, member.Name, ops, infos, symbols, meaning, ref meanings);
                ops.Add(new DecodeOp { Kind = OpKind.StructEnd, Register = -1, SourceRegister = -1, AlignBits = 1 });
                infos.Add(new OpInfo(null, path, true, type));
                ops[index] = ops[index] with { Body = ops.Count - index - 1 };
                return;
            case CtfVariantType variant:
            {
                op.Kind = OpKind.Variant;
                op.AlignBits = 1;
                CtfType? tagType = null;
                op.SourceRegister = variant.Tag is null
                    ? Fail($"variant '{path}' has no tag")
                    : Reference(variant.Tag, path, symbols, "variant tag", out tagType);
                ops.Add(op);
                infos.Add(new OpInfo(shown, path, true, type));
                var ranges = new (int, int)[variant.Options.Count];
                for (int i = 0; i < variant.Options.Count; i++)
                {
                    int start = ops.Count;
                    Emit(variant.Options[i].Type, path + "." + variant.Options[i].Name, variant.Options[i].Name, ops, infos, symbols, meaning, ref meanings);
                    ranges[i] = (start - index, ops.Count - start);
                }
                ops[index] = ops[index] with { Body = ops.Count - index - 1 };
                infos[index] = infos[index] with { Options = ranges, Selectors = Selectors(variant, tagType as CtfEnumType, path), TagSigned = (tagType as CtfEnumType)?.Container.Signed ?? false };
                return;
            }
            default:
                throw new InvalidOperationException("unknown CTF type " + type.GetType().Name);
        }
    }

    private int Fail(string message)
    {
        _diagnostics.Add(new TraceDiagnostic("metadata", "metadata", message));
        return -1;
    }

    private CtfByteOrder Resolve(CtfByteOrder order) => order == CtfByteOrder.Native ? _traceOrder : order;

    private static long MinBits(CtfType type) => type switch
    {
        CtfIntegerType i => i.SizeBits,
        CtfEnumType e => e.Container.SizeBits,
        CtfFloatType f => f.SizeBits,
        CtfStringType => 8,
        CtfArrayType a => a.Length * MinBits(a.Element),
        CtfStructType s => s.Members.Sum(m => MinBits(m.Type)),
        _ => 0,
    };

    /// <summary>Gives the integer field at <paramref name="reference"/> a register, seen from <paramref name="from"/>.</summary>
    private int Reference(string reference, string from, Symbols symbols, string what) => Reference(reference, from, symbols, what, out _);

    private int Reference(string reference, string from, Symbols symbols, string what, out CtfType? targetType)
    {
        targetType = null;
        foreach (string candidate in Candidates(reference, from))
        {
            if (!symbols.Fields.TryGetValue(candidate, out var target))
                continue;
            targetType = target.Type;
            var op = target.Ops[target.Index];
            if (op.Register < 0)
            {
                op.Register = _nextRegister++;
                target.Ops[target.Index] = op;
            }
            return op.Register;
        }
        return Fail($"{what} '{reference}' of '{from}' names no earlier integer field");
    }

    private VariantSelector[] Selectors(CtfVariantType variant, CtfEnumType? tag, string path)
    {
        if (tag is null)
        {
            if (variant.Tag is not null)
                Fail($"variant '{path}' tag '{variant.Tag}' is not an enumeration");
            return [];
        }
        var selectors = new List<VariantSelector>();
        foreach (var mapping in tag.Mappings)
        {
            int option = -1;
            for (int i = 0; i < variant.Options.Count; i++)
            {
                string name = variant.Options[i].Name;
                if (name == mapping.Label || name == "_" + mapping.Label)
                {
                    option = i;
                    break;
                }
            }
            if (option >= 0)
                selectors.Add(new VariantSelector(mapping.Lower, mapping.Upper, option));
        }
        return [.. selectors];
    }

    private static IEnumerable<string> Candidates(string reference, string from)
    {
        if (ScopeRoots.Any(r => reference.StartsWith(r + ".", StringComparison.Ordinal)))
        {
            yield return reference;
            yield break;
        }
        string scope = from;
        while (true)
        {
            int dot = scope.LastIndexOf('.');
            if (dot < 0)
                break;
            scope = scope[..dot];
            yield return scope + "." + reference;
            if (ScopeRoots.Contains(scope))
                break;
        }
        foreach (string root in ScopeRoots)
            yield return root + "." + reference;
    }

    /// <summary>A direct tag → option table for unsigned tags below 256 (LTTng's event headers), so decoding skips the range search.</summary>
    private static (int, int, int)[]? TagTable(OpInfo info)
    {
        if (info.TagSigned || info.Selectors.Length == 0 || info.Selectors.Any(s => (ulong)s.Lower > 255))
            return null;
        var table = new (int, int, int)[256];
        for (int tag = 0; tag < table.Length; tag++)
        {
            table[tag] = (0, -1, -1);
            foreach (var selector in info.Selectors)
            {
                if ((ulong)tag >= (ulong)selector.Lower && (ulong)tag <= (ulong)selector.Upper)
                {
                    table[tag] = (info.Options[selector.Option].Start, info.Options[selector.Option].Length, selector.Option);
                    break;
                }
            }
        }
        return table;
    }

    /// <summary>babeltrace2's trace IR rules: what it keeps, and so prints.</summary>
    private static OpInfo[] ComputeVisibility(DecodeOp[] ops, OpInfo[] infos)
    {
        var result = (OpInfo[])infos.Clone();
        var dependents = new HashSet<int>();
        for (int i = 0; i < ops.Length; i++)
        {
            if (ops[i].Kind is OpKind.Sequence or OpKind.TextSequence or OpKind.Variant && ops[i].SourceRegister >= 0)
                dependents.Add(ops[i].SourceRegister);
        }
        Visit(0, ops.Length);
        return result;

        bool Visit(int start, int end)
        {
            bool any = false;
            int i = start;
            while (i < end)
            {
                bool visible = VisitOne(i);
                any |= visible;
                i += 1 + (ops[i].Kind is OpKind.StructBegin or OpKind.Array or OpKind.Sequence or OpKind.Variant ? ops[i].Body : 0);
            }
            return any;
        }

        bool VisitOne(int i)
        {
            ref readonly var op = ref ops[i];
            bool visible;
            switch (op.Kind)
            {
                case OpKind.Integer or OpKind.Enum:
                    bool special = op.ClockBits > 0 || (op.Register >= 0 && op.Register < Registers.FirstFree) || infos[i].Integer?.MappedClock is not null;
                    visible = !special || dependents.Contains(op.Register);
                    break;
                case OpKind.StructBegin:
                    visible = Visit(i + 1, i + op.Body) || op.Body == 1;
                    result[i + op.Body] = result[i + op.Body] with { Visible = visible };
                    break;
                case OpKind.Array or OpKind.Sequence:
                    visible = Visit(i + 1, i + 1 + op.Body);
                    break;
                case OpKind.Variant:
                    visible = Visit(i + 1, i + 1 + op.Body);
                    break;
                default:
                    visible = true;
                    break;
            }
            result[i] = result[i] with { Visible = visible };
            return visible;
        }
    }
}
