using System.Runtime.CompilerServices;
using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Reader;

public sealed unsafe partial class StreamCursor
{
    /// <summary>Decodes ops [start, end) of a scope at the current position; false (with a diagnostic) on damage.</summary>
    private bool Run(CompiledScope scope, int start, int end, FieldTape tape, string where)
    {
        var ops = scope.Ops;
        for (int i = start; i < end; i++)
        {
            ref readonly DecodeOp op = ref ops[i];
            switch (op.Kind)
            {
                case OpKind.Integer:
                case OpKind.Enum:
                {
                    long pos = Align(_pos, op.AlignBits);
                    if (pos + op.SizeBits > _limit)
                        return Truncated(scope, i, pos, where);
                    ulong value = op.Fast && (pos & 7) == 0 ? ReadFast(_pkt + (pos >> 3), op.SizeBits, op.Signed) : ReadBits(pos, op.SizeBits, op.BigEndian, op.Signed);
                    _pos = pos + op.SizeBits;
                    tape.Add(value, 0);
                    if (op.Register >= 0)
                        _regs[op.Register] = value;
                    if (op.ClockBits > 0)
                        UpdateClock(op.ClockBits >= 64 ? value : value & ((1UL << op.ClockBits) - 1), op.ClockBits);
                    break;
                }
                case OpKind.Float:
                {
                    long pos = Align(_pos, op.AlignBits);
                    if (pos + op.SizeBits > _limit)
                        return Truncated(scope, i, pos, where);
                    tape.Add(ReadBits(pos, op.SizeBits, op.BigEndian, signed: false), 0);
                    _pos = pos + op.SizeBits;
                    break;
                }
                case OpKind.String:
                {
                    long pos = Align(_pos, 8);
                    long first = pos >> 3;
                    long last = _limit >> 3;
                    if (first > last)
                        return Truncated(scope, i, pos, where);
                    var span = new ReadOnlySpan<byte>(_pkt + first, (int)Math.Min(last - first, int.MaxValue));
                    int nul = span.IndexOf((byte)0);
                    if (nul < 0)
                        return Fail("string", scope, i, pos, $"string '{scope.Infos[i].Path}' has no terminating NUL before the end of the packet content ({where})");
                    tape.Add((ulong)(PacketOffset + first), nul);
                    _pos = (first + nul + 1) << 3;
                    break;
                }
                case OpKind.TextArray:
                case OpKind.TextSequence:
                {
                    long pos = Align(_pos, op.AlignBits);
                    ulong count = op.Kind == OpKind.TextArray ? (ulong)op.Count : _regs[op.SourceRegister];
                    if (count > (ulong)(_limit - pos) / 8)
                        return Fail("truncated", scope, i, pos, $"'{scope.Infos[i].Path}' holds {count} bytes, past the end of the packet content ({where})");
                    var span = new ReadOnlySpan<byte>(_pkt + (pos >> 3), (int)count);
                    int nul = span.IndexOf((byte)0);
                    tape.Add((ulong)(PacketOffset + (pos >> 3)), nul < 0 ? (int)count : nul);
                    _pos = pos + (long)count * 8;
                    break;
                }
                case OpKind.Array:
                case OpKind.Sequence:
                {
                    long pos = Align(_pos, op.AlignBits);
                    ulong count = op.Kind == OpKind.Array ? (ulong)op.Count : _regs[op.SourceRegister];
                    if (op.ElementMinBits > 0 ? count > (ulong)(_limit - pos) / (ulong)op.ElementMinBits : count > int.MaxValue)
                        return Fail("truncated", scope, i, pos, $"'{scope.Infos[i].Path}' holds {count} elements, past the end of the packet content ({where})");
                    _pos = pos;
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
                    ulong tag = _regs[op.SourceRegister];
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
                        return Fail("variant", scope, i, _pos, $"tag value {(info.TagSigned ? ((long)tag).ToString() : tag.ToString())} of variant '{info.Path}' selects no option ({where})");
                    tape.Add((ulong)option, option);
                    var (selectedStart, selectedLength) = info.Options[option];
                    if (!Run(scope, i + selectedStart, i + selectedStart + selectedLength, tape, where))
                        return false;
                    i += op.Body;
                    break;
                }
                case OpKind.StructBegin:
                    _pos = Align(_pos, op.AlignBits);
                    if (_pos > _limit)
                        return Truncated(scope, i, _pos, where);
                    break;
                case OpKind.StructEnd:
                    break;
            }
        }
        return true;
    }

    private void ReadFastArray(FieldTape tape, int count, int sizeBits, bool signed)
    {
        byte* p = _pkt + (_pos >> 3);
        for (int k = 0; k < count; k++)
        {
            tape.Add(ReadFast(p, sizeBits, signed), 0);
            p += sizeBits >> 3;
        }
        _pos += (long)count * sizeBits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Align(long pos, int alignBits) => alignBits <= 1 ? pos : (pos + alignBits - 1) & ~(long)(alignBits - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadFast(byte* p, int sizeBits, bool signed) => sizeBits switch
    {
        8 => signed ? (ulong)(long)(sbyte)*p : *p,
        16 => signed ? (ulong)(long)Unsafe.ReadUnaligned<short>(p) : Unsafe.ReadUnaligned<ushort>(p),
        32 => signed ? (ulong)(long)Unsafe.ReadUnaligned<int>(p) : Unsafe.ReadUnaligned<uint>(p),
        _ => Unsafe.ReadUnaligned<ulong>(p),
    };

    /// <summary>Reads a bit field: little-endian fields count bits from the least significant bit of the first byte, big-endian ones from the most significant.</summary>
    private ulong ReadBits(long pos, int size, bool bigEndian, bool signed)
    {
        byte* p = _pkt + (pos >> 3);
        int shift = (int)(pos & 7);
        int bytes = (shift + size + 7) >> 3;
        ulong value;
        if (!bigEndian)
        {
            if (bytes <= 8 && (pos >> 3) + 8 <= _limit >> 3)
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
        Fail("truncated", scope, op, pos, $"'{scope.Infos[op].Path}' runs past the end of the packet content ({where})");

    private bool Fail(string check, CompiledScope scope, int op, long pos, string message)
    {
        Diagnostics.Add(new TraceDiagnostic(check, FileName, message, Packet: PacketIndex, Offset: PacketOffset + (pos >> 3),
            Event: EventIndex, EventName: _event?.Class.Name));
        return false;
    }
}
