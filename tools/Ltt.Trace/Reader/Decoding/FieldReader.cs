using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ltt.Trace.Clocks;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>
/// Decodes compiled scopes from memory into tapes, and knows nothing of streams or packets
/// (babeltrace2's field reader, <c>bfcr</c>, has the same place): positions are bits from
/// <see cref="Origin"/>, nothing is read at or past <see cref="Limit"/>, sequence lengths,
/// variant tags and meaningful fields land in <see cref="Registers"/>, and clock-mapped fields
/// extend <see cref="Clock"/> the way CTF readers do (<see cref="CompactTimestamp.Rebuild"/>).
/// A stream cursor reads packets with it; <see cref="PayloadDecoder"/> reads single payloads.
/// When damage stops a decode, the method returns false and <see cref="Failure"/> says what and where.
/// </summary>
internal sealed unsafe class FieldReader(int registerCount)
{
    /// <summary>The first byte positions count from (a packet's, a payload's).</summary>
    public byte* Origin;

    /// <summary>Byte offset of <see cref="Origin"/> from the pointer text tape entries are relative to.</summary>
    public long OriginOffset;

    /// <summary>Current position, in bits from <see cref="Origin"/>.</summary>
    public long Position;

    /// <summary>End of readable content, in bits from <see cref="Origin"/>.</summary>
    public long Limit;

    /// <summary>Bytes from <see cref="Origin"/> that are mapped (the rest of the file): loads may read past <see cref="Limit"/> up to here and drop the extra bytes.</summary>
    public long Mapped;

    public readonly ulong[] Registers = new ulong[registerCount];

    /// <summary>The stream's clock in cycles, extended to 64 bits.</summary>
    public ulong Clock;

    /// <summary>True once a clock-mapped field was read.</summary>
    public bool ClockSet;

    /// <summary>Why the last decode stopped.</summary>
    public (string Check, string Message, long Position, int Op) Failure;

    /// <summary>Starts reading at <paramref name="origin"/>, <paramref name="limitBits"/> bits readable, <paramref name="mappedBytes"/> bytes mapped.</summary>
    public void Reset(byte* origin, long originOffset, long limitBits, long mappedBytes)
    {
        Origin = origin;
        OriginOffset = originOffset;
        Position = 0;
        Limit = limitBits;
        Mapped = mappedBytes;
    }

    /// <summary>Decodes a whole scope at the current position.</summary>
    public bool Run(CompiledScope scope, FieldTape tape, string where) => Run(scope, 0, scope.Ops.Length, tape, where);

    /// <summary>Decodes ops [start, end) of a scope at the current position; false (with <see cref="Failure"/>) on damage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Run(CompiledScope scope, int start, int end, FieldTape tape, string where)
    {
        var ops = scope.Ops;
        ulong[] regs = Registers;
        for (int i = start; i < end; i++)
        {
            ref readonly DecodeOp op = ref ops[i];
            switch (op.Kind)
            {
                case OpKind.Integer:
                case OpKind.Enum:
                {
                    long pos = Align(Position, op.AlignBits);
                    if (pos + op.SizeBits > Limit)
                        return Truncated(scope, i, pos, where);
                    ulong value = op.Fast && (pos & 7) == 0 ? ReadFast(Origin + (pos >> 3), op.SizeBits, op.Signed) : ReadBits(pos, op.SizeBits, op.BigEndian, op.Signed);
                    Position = pos + op.SizeBits;
                    tape.Add(value, 0);
                    if (op.Register >= 0)
                        regs[op.Register] = value;
                    if (op.ClockBits > 0)
                        UpdateClock(value, op.ClockBits);
                    break;
                }
                case OpKind.Float:
                {
                    long pos = Align(Position, op.AlignBits);
                    if (pos + op.SizeBits > Limit)
                        return Truncated(scope, i, pos, where);
                    tape.Add(ReadBits(pos, op.SizeBits, op.BigEndian, signed: false), 0);
                    Position = pos + op.SizeBits;
                    break;
                }
                case OpKind.String:
                {
                    long pos = Align(Position, 8);
                    long first = pos >> 3;
                    long last = Limit >> 3;
                    if (first > last)
                        return Truncated(scope, i, pos, where);
                    var span = new ReadOnlySpan<byte>(Origin + first, (int)Math.Min(last - first, int.MaxValue));
                    int nul = span.IndexOf((byte)0);
                    if (nul < 0)
                        return Fail("string", i, pos, $"string '{scope.Infos[i].Path}' has no terminating NUL before the end of the packet content ({where})");
                    tape.Add((ulong)(OriginOffset + first), nul);
                    Position = (first + nul + 1) << 3;
                    break;
                }
                case OpKind.TextArray:
                case OpKind.TextSequence:
                {
                    long pos = Align(Position, op.AlignBits);
                    ulong count = op.Kind == OpKind.TextArray ? (ulong)op.Count : regs[op.SourceRegister];
                    if (pos > Limit || count > (ulong)(Limit - pos) / 8)
                        return Fail("truncated", i, pos, $"'{scope.Infos[i].Path}' holds {count} bytes, past the end of the packet content ({where})");
                    var span = new ReadOnlySpan<byte>(Origin + (pos >> 3), (int)count);
                    int nul = span.IndexOf((byte)0);
                    tape.Add((ulong)(OriginOffset + (pos >> 3)), nul < 0 ? (int)count : nul);
                    Position = pos + (long)count * 8;
                    break;
                }
                case OpKind.Array:
                case OpKind.Sequence:
                {
                    long pos = Align(Position, op.AlignBits);
                    ulong count = op.Kind == OpKind.Array ? (ulong)op.Count : regs[op.SourceRegister];
                    if (pos > Limit || (op.ElementMinBits > 0 ? count > (ulong)(Limit - pos) / (ulong)op.ElementMinBits : count > int.MaxValue))
                        return Fail("truncated", i, pos, $"'{scope.Infos[i].Path}' holds {count} elements, past the end of the packet content ({where})");
                    Position = pos;
                    tape.Add(count, (int)count);
                    int bodyStart = i + 1, bodyEnd = i + 1 + op.Body;
                    ref readonly DecodeOp element = ref ops[bodyStart];
                    if (op.Body == 1 && element.Fast && element.Register < 0 && element.ClockBits == 0 && (pos & 7) == 0 && element.Kind == OpKind.Integer)
                    {
                        ReadFastArray(tape, (int)count, element.SizeBits, element.Signed);
                    }
                    else
                    {
                        for (ulong k = 0; k < count; k++)
                        {
                            if (!Run(scope, bodyStart, bodyEnd, tape, where))
                                return false;
                        }
                    }
                    i += op.Body;
                    break;
                }
                case OpKind.Variant:
                {
                    ulong tag = regs[op.SourceRegister];
                    if (op.OptionByTag is { } table && tag < (ulong)table.Length && table[tag].Length >= 0)
                    {
                        var (optionStart, optionLength, optionIndex) = table[tag];
                        tape.Add((ulong)optionIndex, optionIndex);
                        if (!Run(scope, i + optionStart, i + optionStart + optionLength, tape, where))
                            return false;
                        i += op.Body;
                        break;
                    }
                    var info = scope.Infos[i];
                    int option = -1;
                    foreach (var selector in info.Selectors)
                    {
                        bool match = info.TagSigned
                            ? (long)tag >= selector.Lower && (long)tag <= selector.Upper
                            : tag >= (ulong)selector.Lower && tag <= (ulong)selector.Upper;
                        if (match)
                        {
                            option = selector.Option;
                            break;
                        }
                    }
                    if (option < 0)
                        return Fail("variant", i, Position, $"tag value {(info.TagSigned ? ((long)tag).ToString() : tag.ToString())} of variant '{info.Path}' selects no option ({where})");
                    tape.Add((ulong)option, option);
                    var (selectedStart, selectedLength) = info.Options[option];
                    if (!Run(scope, i + selectedStart, i + selectedStart + selectedLength, tape, where))
                        return false;
                    i += op.Body;
                    break;
                }
                case OpKind.StructBegin:
                    Position = Align(Position, op.AlignBits);
                    if (Position > Limit)
                        return Truncated(scope, i, Position, where);
                    break;
                case OpKind.StructEnd:
                    break;
            }
        }
        return true;
    }

    /// <summary>
    /// Decodes a fixed-size scope by its plan: one bounds check, then loads at known offsets.
    /// False, having read nothing, when the position is not on a byte or the scope does not fit;
    /// the op walker then decodes it and reports precisely what is wrong.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRunFixed(FixedLayout layout, FieldTape tape)
    {
        long pos = Position;
        if ((pos & 7) != 0)
            return false;
        long startByte = pos >> 3;
        FixedPlan plan = layout.Plans[startByte & layout.Mask];
        if (pos + plan.SizeBits > Limit)
            return false;
        byte* p = Origin + startByte;
        ulong[] values = tape.Reserve(layout.TapeEntries, out int t);
        FixedEntry[] entries = plan.Entries;
        if (layout.LoadsOnly && startByte + plan.WideEnd <= Mapped)
        {
            // Every field is a little-endian integer or float: load 8 bytes at each offset and keep the field's bits.
            ref ulong slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), t);
            ref FixedEntry e = ref MemoryMarshal.GetArrayDataReference(entries);
            for (int k = 0; k < entries.Length; k++)
            {
                ulong raw = Unsafe.ReadUnaligned<ulong>(p + e.Offset) << e.Shift;
                Unsafe.Add(ref slot, k) = e.Signed ? (ulong)((long)raw >> e.Shift) : raw >> e.Shift;
                e = ref Unsafe.Add(ref e, 1);
            }
        }
        else
        {
            RunPlanSlow(entries, p, values, tape.Aux, t);
        }
        Position = pos + plan.SizeBits;
        return true;
    }

    private void RunPlanSlow(FixedEntry[] entries, byte* p, ulong[] values, int[] aux, int t)
    {
        ulong[] regs = Registers;
        for (int k = 0; k < entries.Length; k++)
        {
            ref readonly FixedEntry e = ref entries[k];
            ulong value;
            switch (e.Kind)
            {
                case FixedKind.Load:
                    value = Load(p + e.Offset, e.Size, e.Shift, e.Signed);
                    break;
                case FixedKind.LoadBigEndian:
                    value = LoadBigEndian(p + e.Offset, e.Size, e.Shift, e.Signed);
                    break;
                case FixedKind.Text:
                {
                    int nul = new ReadOnlySpan<byte>(p + e.Offset, e.Size).IndexOf((byte)0);
                    value = (ulong)(OriginOffset + (p - Origin) + e.Offset);
                    aux[t + k] = nul < 0 ? e.Size : nul;
                    values[t + k] = value;
                    continue;
                }
                default:
                    value = (ulong)e.Size;
                    aux[t + k] = e.Size;
                    break;
            }
            values[t + k] = value;
            if (e.Register >= 0)
                regs[e.Register] = value;
        }
    }

    /// <summary>A little-endian integer of 1, 2, 4 or 8 bytes, sign-extended when signed.</summary>
    private static ulong Load(byte* p, int size, int shift, bool signed)
    {
        ulong raw = size switch
        {
            1 => *p,
            2 => Unsafe.ReadUnaligned<ushort>(p),
            4 => Unsafe.ReadUnaligned<uint>(p),
            _ => Unsafe.ReadUnaligned<ulong>(p),
        };
        return signed ? (ulong)((long)(raw << shift) >> shift) : raw;
    }

    private static ulong LoadBigEndian(byte* p, int size, int shift, bool signed)
    {
        ulong raw = size switch
        {
            1 => *p,
            2 => BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(p)),
            4 => BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(p)),
            _ => BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(p)),
        };
        return signed ? (ulong)((long)(raw << shift) >> shift) : raw;
    }

    /// <summary>Extends the clock with a clock-mapped field of <paramref name="bits"/> bits, as CTF readers do.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void UpdateClock(ulong value, int bits)
    {
        Clock = bits >= 64 ? value : CompactTimestamp.Rebuild(Clock, value, bits);
        ClockSet = true;
    }

    private void ReadFastArray(FieldTape tape, int count, int sizeBits, bool signed)
    {
        byte* p = Origin + (Position >> 3);
        for (int k = 0; k < count; k++)
        {
            tape.Add(ReadFast(p, sizeBits, signed), 0);
            p += sizeBits >> 3;
        }
        Position += (long)count * sizeBits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Align(long pos, int alignBits) => alignBits <= 1 ? pos : (pos + alignBits - 1) & ~(long)(alignBits - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadFast(byte* p, int sizeBits, bool signed) => sizeBits switch
    {
        8 => signed ? (ulong)(long)(sbyte)*p : *p,
        16 => signed ? (ulong)(long)Unsafe.ReadUnaligned<short>(p) : Unsafe.ReadUnaligned<ushort>(p),
        32 => signed ? (ulong)(long)Unsafe.ReadUnaligned<int>(p) : Unsafe.ReadUnaligned<uint>(p),
        _ => Unsafe.ReadUnaligned<ulong>(p),
    };

    /// <summary>Reads a bit field: little-endian fields count bits from the least significant bit of the first byte, big-endian ones from the most significant.</summary>
    private ulong ReadBits(long pos, int size, bool bigEndian, bool signed)
    {
        byte* p = Origin + (pos >> 3);
        int shift = (int)(pos & 7);
        int bytes = (shift + size + 7) >> 3;
        ulong value;
        if (!bigEndian)
        {
            if (bytes <= 8 && (pos >> 3) + 8 <= Limit >> 3)
            {
                value = Unsafe.ReadUnaligned<ulong>(p) >> shift;
            }
            else
            {
                UInt128 acc = 0;
                for (int k = 0; k < bytes; k++)
                    acc |= (UInt128)p[k] << (8 * k);
                value = (ulong)(acc >> shift);
            }
        }
        else
        {
            UInt128 acc = 0;
            for (int k = 0; k < bytes; k++)
                acc = (acc << 8) | p[k];
            value = (ulong)(acc >> (bytes * 8 - shift - size));
        }
        if (size < 64)
        {
            value &= (1UL << size) - 1;
            if (signed && (value >> (size - 1)) != 0)
                value |= ~0UL << size;
        }
        return value;
    }

    private bool Truncated(CompiledScope scope, int op, long pos, string where) =>
        Fail("truncated", op, pos, $"'{scope.Infos[op].Path}' runs past the end of the packet content ({where})");

    private bool Fail(string check, int op, long pos, string message)
    {
        Failure = (check, message, pos, op);
        return false;
    }
}
