using System.Buffers;
using System.Buffers.Text;
using Ltt.Trace.Reader.Decoding;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Text;

/// <summary>
/// Writes decoded values as babeltrace2 2.0's <c>sink.text.pretty</c> does: integers in their
/// display base, enumerations with their labels, floats as C's <c>%g</c>, strings escaped, and
/// whole fields (structures, arrays, variants) from a tape. Nothing is allocated.
/// </summary>
internal static unsafe class ValueText
{
    /// <summary>Prints (or only steps over) the field at op <paramref name="i"/>, reading its tape from entry <paramref name="t"/>; returns the op after it.</summary>
    public static int Field(Utf8Output output, byte* data, CompiledScope scope, int i, FieldTape tape, ref int t, bool print)
    {
        ref readonly DecodeOp op = ref scope.Ops[i];
        var info = scope.Infos[i];
        switch (op.Kind)
        {
            case OpKind.Integer:
            {
                ulong value = tape.Values[t++];
                if (print)
                    Integer(output, value, info.Integer!);
                return i + 1;
            }
            case OpKind.Enum:
            {
                ulong value = tape.Values[t++];
                if (print)
                    Enum(output, value, info);
                return i + 1;
            }
            case OpKind.Float:
            {
                ulong bits = tape.Values[t++];
                if (print)
                    Float(output, bits, op.SizeBits);
                return i + 1;
            }
            case OpKind.String:
            case OpKind.TextArray:
            case OpKind.TextSequence:
            {
                long offset = (long)tape.Values[t];
                int length = tape.Aux[t++];
                if (print)
                    EscapedString(output, new ReadOnlySpan<byte>(data + offset, length));
                return i + 1;
            }
            case OpKind.StructBegin:
            {
                if (print)
                    output.Write((byte)'{');
                int printed = 0;
                int j = i + 1;
                int end = i + op.Body;
                while (j < end)
                {
                    var member = scope.Infos[j];
                    bool show = print && member.Visible;
                    if (show)
                    {
                        output.Write(printed > 0 ? ", "u8 : " "u8);
                        output.Write(member.NameUtf8);
                        output.Write(" = "u8);
                        printed++;
                    }
                    j = Field(output, data, scope, j, tape, ref t, show);
                }
                if (print)
                    output.Write(" }"u8);
                return end + 1;
            }
            case OpKind.Array:
            case OpKind.Sequence:
            {
                int count = tape.Aux[t++];
                if (print)
                    output.Write((byte)'[');
                for (int k = 0; k < count; k++)
                {
                    if (print)
                    {
                        output.Write(k > 0 ? ", ["u8 : " ["u8);
                        output.WriteDecimal((long)k);
                        output.Write("] = "u8);
                    }
                    Field(output, data, scope, i + 1, tape, ref t, print);
                }
                if (print)
                    output.Write(" ]"u8);
                return i + 1 + op.Body;
            }
            case OpKind.Variant:
            {
                int option = tape.Aux[t++];
                if (print)
                    output.Write("{ "u8);
                Field(output, data, scope, i + info.Options[option].Start, tape, ref t, print);
                if (print)
                    output.Write(" }"u8);
                return i + 1 + op.Body;
            }
            default:
                return i + 1;
        }
    }

    public static void Integer(Utf8Output output, ulong value, CtfIntegerType type)
    {
        int size = type.SizeBits;
        switch (type.DisplayBase)
        {
            case 16:
            {
                if (size < 64)
                {
                    int rounded = (size + 3) & ~3;
                    if (rounded < 64)
                        value &= (1UL << rounded) - 1;
                }
                output.Write("0x"u8);
                Utf8Formatter.TryFormat(value, output.Reserve(16), out int n, new StandardFormat('X'));
                output.Advance(n);
                return;
            }
            case 8:
            {
                if (type.Signed && size < 64)
                {
                    int rounded = ((size - 1) / 3 + 1) * 3;
                    if (rounded < 64)
                        value &= (1UL << rounded) - 1;
                }
                output.Write((byte)'0');
                Span<byte> digits = stackalloc byte[24];
                int k = digits.Length;
                do
                {
                    digits[--k] = (byte)('0' + (int)(value & 7));
                    value >>= 3;
                }
                while (value != 0);
                output.Write(digits[k..]);
                return;
            }
            case 2:
            {
                output.Write("0b"u8);
                for (int bit = size - 1; bit >= 0; bit--)
                    output.Write((value >> bit & 1) != 0 ? (byte)'1' : (byte)'0');
                return;
            }
            default:
                if (type.Signed)
                    output.WriteDecimal((long)value);
                else
                    output.WriteDecimal(value);
                return;
        }
    }

    public static void Enum(Utf8Output output, ulong value, OpInfo info)
    {
        var type = info.Enum!;
        output.Write("( "u8);
        int labels = 0;
        foreach (var (label, ranges) in info.EnumLabels)
        {
            bool match = false;
            foreach (var range in ranges)
                match |= type.Matches(range, value);
            if (!match)
                continue;
            if (labels > 0)
                output.Write(", "u8);
            EscapedString(output, label);
            labels++;
        }
        if (labels == 0)
            output.Write("<unknown>"u8);
        output.Write(" : container = "u8);
        Integer(output, value, type.Container);
        output.Write(" )"u8);
    }

    public static void Float(Utf8Output output, ulong bits, int sizeBits)
    {
        double value = sizeBits == 32 ? BitConverter.Int32BitsToSingle((int)bits) : BitConverter.Int64BitsToDouble((long)bits);
        var span = output.Reserve(64);
        output.Advance(CFormat.FormatG(value, span));
    }

    public static void EscapedString(Utf8Output output, ReadOnlySpan<byte> text)
    {
        output.Write((byte)'"');
        while (!text.IsEmpty)
        {
            // Runs of bytes printed as they are go out in one copy.
            int plain = 0;
            while (plain < text.Length && IsPlain(text[plain]))
                plain++;
            if (plain > 0)
            {
                output.Write(text[..plain]);
                text = text[plain..];
                if (text.IsEmpty)
                    break;
            }
            Escape(output, text[0]);
            text = text[1..];
        }
        output.Write((byte)'"');
    }

    private static bool IsPlain(byte b) => b >= 0x20 && b != 0x7F && b != (byte)'\\' && b != (byte)'\'' && b != (byte)'"' && b != (byte)'?';

    private static void Escape(Utf8Output output, byte b)
    {
        switch (b)
        {
            case (byte)'\\':
                output.Write("\\\\"u8);
                return;
            case (byte)'\'':
                output.Write("\\'"u8);
                return;
            case (byte)'"':
                output.Write("\\\""u8);
                return;
            case (byte)'?':
                output.Write("\\?"u8);
                return;
            case 0:
                output.Write("\\0"u8);
                return;
            case 7:
                output.Write("\\a"u8);
                return;
            case 8:
                output.Write("\\b"u8);
                return;
            case 0x1B:
                output.Write("\\e"u8);
                return;
            case 0x0C:
                output.Write("\\f"u8);
                return;
            case (byte)'\n':
                output.Write("\\n"u8);
                return;
            case (byte)'\r':
                output.Write("\\r"u8);
                return;
            case (byte)'\t':
                output.Write("\\t"u8);
                return;
            case 0x0B:
                output.Write("\\v"u8);
                return;
            default:
                output.Write("\\x"u8);
                b.TryFormat(output.Reserve(2), out int n, "x2");
                output.Advance(n);
                return;
        }
    }
}
