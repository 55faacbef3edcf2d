namespace Ltt.Trace.Reader.Decoding;

/// <summary>
/// A scope whose every field has a fixed size and sits on a byte boundary (integers and floats
/// of 1, 2, 4 or 8 bytes, character arrays, small fixed arrays of those, structures): the common
/// case of event payloads and contexts. It decodes by loads at precomputed offsets after one
/// bounds check, instead of op by op. Where each field lands depends only on the start position
/// modulo the largest alignment, so there is one <see cref="FixedPlan"/> per residue.
/// </summary>
internal sealed class FixedLayout
{
    /// <summary>Largest entry count a plan may flatten arrays into; longer arrays keep the op walker.</summary>
    private const int MaxEntries = 256;

    private FixedLayout(int alignBytes, FixedPlan[] plans, int tapeEntries, bool loadsOnly)
    {
        Mask = alignBytes - 1;
        Plans = plans;
        TapeEntries = tapeEntries;
        LoadsOnly = loadsOnly;
    }

    /// <summary>Start byte offset modulo the largest alignment selects the plan: <c>Plans[start &amp; Mask]</c>.</summary>
    public int Mask { get; }

    public FixedPlan[] Plans { get; }

    /// <summary>Tape entries one decode writes (the same as the op walker writes).</summary>
    public int TapeEntries { get; }

    /// <summary>Every entry is a little-endian load into no register: the tightest loop applies.</summary>
    public bool LoadsOnly { get; }

    /// <summary>The plan set of a compiled scope, or null when some field is not fixed (strings, sequences, variants, bit fields, clocks).</summary>
    public static FixedLayout? TryCreate(DecodeOp[] ops)
    {
        if (ops.Length == 0)
            return null;
        int align = 1;
        foreach (var op in ops)
        {
            if (op.Kind is OpKind.String or OpKind.TextSequence or OpKind.Sequence or OpKind.Variant || op.ClockBits > 0)
                return null;
            if (op.AlignBits > 1 && op.AlignBits % 8 != 0)
                return null;
            if (op.Kind is OpKind.Integer or OpKind.Enum or OpKind.Float && (op.SizeBits is not (8 or 16 or 32 or 64) || op.AlignBits % 8 != 0 && op.AlignBits > 1))
                return null;
            align = Math.Max(align, Math.Max(1, op.AlignBits / 8));
        }
        if (align > 64 || (align & (align - 1)) != 0)
            return null;
        var plans = new FixedPlan[align];
        for (int residue = 0; residue < align; residue++)
        {
            var entries = new List<FixedEntry>();
            long position = residue;
            if (!Walk(ops, 0, ops.Length, entries, ref position, residue) || entries.Count > MaxEntries)
                return null;
            plans[residue] = new FixedPlan((int)(position - residue), [.. entries],
                entries.Where(e => e.Kind is FixedKind.Load or FixedKind.LoadBigEndian).Select(e => e.Offset + 8).DefaultIfEmpty(0).Max());
        }
        bool loadsOnly = plans[0].Entries.All(e => e.Kind == FixedKind.Load && e.Register < 0);
        return new FixedLayout(align, plans, plans[0].Entries.Length, loadsOnly);
    }

    /// <summary>Lays out ops [start, end) from byte <paramref name="position"/>, as the op walker would.</summary>
    private static bool Walk(DecodeOp[] ops, int start, int end, List<FixedEntry> entries, ref long position, int residue)
    {
        for (int i = start; i < end; i++)
        {
            var op = ops[i];
            int alignBytes = Math.Max(1, op.AlignBits / 8);
            switch (op.Kind)
            {
                case OpKind.StructBegin:
                    position = AlignUp(position, alignBytes);
                    break;
                case OpKind.StructEnd:
                    break;
                case OpKind.Integer or OpKind.Enum or OpKind.Float:
                    position = AlignUp(position, alignBytes);
                    entries.Add(new FixedEntry
                    {
                        Kind = op.BigEndian ? FixedKind.LoadBigEndian : FixedKind.Load,
                        Offset = (int)(position - residue),
                        Size = op.SizeBits / 8,
                        Shift = 64 - op.SizeBits,
                        Signed = op.Signed && op.Kind != OpKind.Float,
                        Register = op.Register,
                    });
                    position += op.SizeBits / 8;
                    break;
                case OpKind.TextArray:
                    position = AlignUp(position, alignBytes);
                    if (op.Count > int.MaxValue / 2)
                        return false;
                    entries.Add(new FixedEntry { Kind = FixedKind.Text, Offset = (int)(position - residue), Size = (int)op.Count, Register = -1 });
                    position += op.Count;
                    break;
                case OpKind.Array:
                    position = AlignUp(position, alignBytes);
                    if (op.Count > MaxEntries)
                        return false;
                    entries.Add(new FixedEntry { Kind = FixedKind.Count, Size = (int)op.Count, Register = -1 });
                    for (long k = 0; k < op.Count; k++)
                    {
                        if (!Walk(ops, i + 1, i + 1 + op.Body, entries, ref position, residue) || entries.Count > MaxEntries)
                            return false;
                    }
                    i += op.Body;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static long AlignUp(long position, int alignBytes) => (position + alignBytes - 1) & ~(long)(alignBytes - 1);
}

/// <summary>Where each field of a <see cref="FixedLayout"/> lands for one start residue, and the bytes it takes.</summary>
/// <param name="WideEnd">Bytes from the start that loading 8 bytes at every load entry touches: where that is mapped, loads need not be sized.</param>
internal sealed record FixedPlan(int SizeBytes, FixedEntry[] Entries, int WideEnd)
{
    public long SizeBits { get; } = SizeBytes * 8L;
}

/// <summary>One tape entry of a <see cref="FixedPlan"/>.</summary>
internal struct FixedEntry
{
    public FixedKind Kind;

    /// <summary>Byte offset from the scope's start position.</summary>
    public int Offset;

    /// <summary>Bytes of a load; bytes of a character array; element count of an array.</summary>
    public int Size;

    /// <summary>64 minus the bit size: a value is its load shifted up by this and back down (arithmetically when signed).</summary>
    public int Shift;

    public bool Signed;

    /// <summary>Register the value is stored in, or -1.</summary>
    public int Register;
}

/// <summary>What a <see cref="FixedEntry"/> does.</summary>
internal enum FixedKind : byte
{
    Load,
    LoadBigEndian,

    /// <summary>A character array: the tape gets its offset and its length up to the first NUL.</summary>
    Text,

    /// <summary>An array's element count (its elements follow as entries of their own).</summary>
    Count,
}
