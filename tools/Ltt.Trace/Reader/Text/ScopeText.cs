using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Reader.Text;

/// <summary>
/// The text of a scope whose tape has a fixed shape (no arrays, sequences or variants: every
/// field is one tape entry), compiled once: the constant text between values (<c>{ a = </c>,
/// <c>, b = </c>, <c> }</c>) as bytes, and which tape entry each value comes from. Printing is
/// then one copy and one number per field instead of a walk over the ops; the output is the
/// same bytes <see cref="ValueText.Field"/> writes.
/// </summary>
internal sealed unsafe class ScopeText
{
    /// <summary>Stands for "walk the ops": a scope whose tape shape varies (arrays, sequences, variants).</summary>
    public static readonly ScopeText Walker = new([], []);

    private readonly Slot[] _slots;
    private readonly byte[] _tail;


    private ScopeText(Slot[] slots, byte[] tail)
    {
        _slots = slots;
        _tail = tail;
        DecimalOnly = slots.All(s => s.Kind is SlotKind.Unsigned or SlotKind.Signed);
        MaxBytes = slots.Sum(s => s.Literal.Length + 20) + tail.Length;
    }

    /// <summary>Every value is a decimal integer: the text can be written into a span reserved for <see cref="MaxBytes"/>.</summary>
    public bool DecimalOnly { get; }

    /// <summary>Bytes the decimal-only text takes at most: the literals and 20 per number.</summary>
    public int MaxBytes { get; }

    /// <summary>The compiled text of a scope, or null when its tape shape varies from event to event.</summary>
    public static ScopeText? TryCreate(CompiledScope scope)
    {
        if (scope.Ops.Any(o => o.Kind is OpKind.Array or OpKind.Sequence or OpKind.Variant))
            return null;
        var slots = new List<Slot>();
        var literal = new List<byte>();
        int tape = 0;
        Walk(scope, 0, print: true, slots, literal, ref tape);
        return new ScopeText([.. slots], [.. literal]);
    }

    private static int Walk(CompiledScope scope, int i, bool print, List<Slot> slots, List<byte> literal, ref int tape)
    {
        var op = scope.Ops[i];
        var info = scope.Infos[i];
        if (op.Kind == OpKind.StructBegin)
        {
            if (print)
                literal.Add((byte)'{');
            int printed = 0;
            int j = i + 1;
            int end = i + op.Body;
            while (j < end)
            {
                var member = scope.Infos[j];
                bool show = print && member.Visible;
                if (show)
                {
                    literal.AddRange(printed > 0 ? ", "u8 : " "u8);
                    literal.AddRange(member.NameUtf8);
                    literal.AddRange(" = "u8);
                    printed++;
                }
                j = Walk(scope, j, show, slots, literal, ref tape);
            }
            if (print)
                literal.AddRange(" }"u8);
            return end + 1;
        }
        if (op.Kind == OpKind.StructEnd)
            return i + 1;
        if (print)
        {
            var kind = op.Kind switch
            {
                OpKind.Integer when info.Integer!.DisplayBase == 10 => info.Integer.Signed ? SlotKind.Signed : SlotKind.Unsigned,
                OpKind.Integer => SlotKind.Integer,
                OpKind.Enum => SlotKind.Enum,
                OpKind.Float => SlotKind.Float,
                _ => SlotKind.Text,
            };
            slots.Add(new Slot([.. literal], tape, i, kind));
            literal.Clear();
        }
        tape++;
        return i + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Utf8Output output, CompiledScope scope, FieldTape tape, byte* data)
    {
        if (DecimalOnly)
        {
            output.Advance(WriteDecimals(ref MemoryMarshal.GetReference(output.Reserve(MaxBytes)), tape.Values));
            return;
        }
        ulong[] values = tape.Values;
        foreach (var slot in _slots)
        {
            output.Write(slot.Literal);
            ulong value = values[slot.Tape];
            switch (slot.Kind)
            {
                case SlotKind.Unsigned:
                {
                    Utf8Formatter.TryFormat(value, output.Reserve(20), out int n);
                    output.Advance(n);
                    break;
                }
                case SlotKind.Signed:
                {
                    Utf8Formatter.TryFormat((long)value, output.Reserve(20), out int n);
                    output.Advance(n);
                    break;
                }
                case SlotKind.Integer:
                    ValueText.Integer(output, value, scope.Infos[slot.Op].Integer!);
                    break;
                case SlotKind.Enum:
                    ValueText.Enum(output, value, scope.Infos[slot.Op]);
                    break;
                case SlotKind.Float:
                    ValueText.Float(output, value, scope.Ops[slot.Op].SizeBits);
                    break;
                default:
                    ValueText.EscapedString(output, new ReadOnlySpan<byte>(data + (long)value, tape.Aux[slot.Tape]));
                    break;
            }
        }
        output.Write(_tail);
    }

    /// <summary>Literals and decimal numbers straight into a span of at least <see cref="MaxBytes"/>; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int WriteDecimals(ref byte start, ulong[] values)
    {
        int n = 0;
        foreach (var slot in _slots)
        {
            byte[] literal = slot.Literal;
            Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref start, n), ref MemoryMarshal.GetArrayDataReference(literal), (uint)literal.Length);
            n += literal.Length;
            ulong value = values[slot.Tape];
            n += slot.Kind == SlotKind.Signed ? Digits.Write(ref Unsafe.Add(ref start, n), (long)value) : Digits.Write(ref Unsafe.Add(ref start, n), value);
        }
        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref start, n), ref MemoryMarshal.GetArrayDataReference(_tail), (uint)_tail.Length);
        return n + _tail.Length;
    }

    private enum SlotKind : byte
    {
        Unsigned,
        Signed,
        Integer,
        Enum,
        Float,
        Text,
    }

    /// <summary>A value to print: the constant text before it, its tape entry, its op and how to print it.</summary>
    private readonly record struct Slot(byte[] Literal, int Tape, int Op, SlotKind Kind);
}
