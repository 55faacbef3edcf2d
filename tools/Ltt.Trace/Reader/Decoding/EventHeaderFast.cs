namespace Ltt.Trace.Reader.Decoding;

/// <summary>
/// The compact event headers LTTng (and ltt-trace's writer) declare, recognised in a stream's
/// compiled event header: an unsigned id of 5 bits with a 27-bit timestamp, or of 16 bits with a
/// 32-bit timestamp, selecting a <c>compact</c> option for small ids and an <c>extended</c> one
/// (full id and 64-bit timestamp) for the largest. The compact case decodes with one or two
/// loads; anything else (the extended header, another shape) goes through the op walker. The
/// shape is checked on the ops, not on names, so a match decodes exactly as the walker would.
/// </summary>
internal sealed class EventHeaderFast
{
    private EventHeaderFast(int alignBits, int idBits, int timestampBits, ulong compactMax, int compactOption)
    {
        AlignBits = alignBits;
        IdBits = idBits;
        TimestampBits = timestampBits;
        HeaderBits = idBits + timestampBits;
        CompactMax = compactMax;
        CompactOption = compactOption;
    }

    /// <summary>Alignment of the header structure.</summary>
    public int AlignBits { get; }

    /// <summary>5 or 16.</summary>
    public int IdBits { get; }

    /// <summary>27 or 32.</summary>
    public int TimestampBits { get; }

    /// <summary>Bits of a compact header: 32 or 48.</summary>
    public int HeaderBits { get; }

    /// <summary>Ids from 0 to this select the compact option.</summary>
    public ulong CompactMax { get; }

    /// <summary>Index of the compact option in the variant (what the op walker writes on the tape).</summary>
    public int CompactOption { get; }

    public static EventHeaderFast? TryCreate(CompiledScope header)
    {
        var ops = header.Ops;
        if (ops.Length < 4 || ops[0].Kind != OpKind.StructBegin || ops[0].AlignBits % 8 != 0 && ops[0].AlignBits > 1)
            return null;
        var id = ops[1];
        if (id.Kind is not (OpKind.Enum or OpKind.Integer) || id.Register != Registers.EventId || id.BigEndian || id.Signed
            || id.ClockBits != 0 || id.AlignBits > 8 || id.SizeBits is not (5 or 16))
            return null;
        var variant = ops[2];
        if (variant.Kind != OpKind.Variant || variant.SourceRegister != Registers.EventId || 2 + variant.Body + 2 != ops.Length
            || ops[^1].Kind != OpKind.StructEnd)
            return null;
        var info = header.Infos[2];
        if (info.TagSigned || info.Selectors.Where(s => s.Lower <= 0 && s.Upper >= 0).Cast<VariantSelector?>().FirstOrDefault() is not { Lower: 0 } first)
            return null;
        // The compact range must not be claimed by any other selector (the first match wins).
        if (info.Selectors.Any(s => s != first && s.Lower <= first.Upper && s.Upper >= 0))
            return null;
        var (start, length) = info.Options[first.Option];
        if (length != 3)
            return null;
        var structure = ops[2 + start];
        var timestamp = ops[2 + start + 1];
        if (structure.Kind != OpKind.StructBegin || timestamp.Kind != OpKind.Integer || ops[2 + start + 2].Kind != OpKind.StructEnd
            || timestamp.ClockBits != timestamp.SizeBits || timestamp.BigEndian || timestamp.Signed || timestamp.Register >= 0)
            return null;
        bool compact5 = id.SizeBits == 5 && timestamp.SizeBits == 27 && structure.AlignBits <= 1 && timestamp.AlignBits <= 1;
        bool large16 = id.SizeBits == 16 && timestamp.SizeBits == 32 && structure.AlignBits <= 8 && timestamp.AlignBits <= 8;
        if (!compact5 && !large16)
            return null;
        ulong max = (1UL << id.SizeBits) - 1;
        return new EventHeaderFast(Math.Max(1, ops[0].AlignBits), id.SizeBits, timestamp.SizeBits, Math.Min((ulong)first.Upper, max), first.Option);
    }
}
