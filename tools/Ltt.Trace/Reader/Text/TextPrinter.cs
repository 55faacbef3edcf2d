using Ltt.Trace.Reader.Decoding;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Text;

/// <summary>
/// Prints events exactly as babeltrace2 2.0's default <c>sink.text.pretty</c> does:
/// <c>[HH:MM:SS.nnnnnnnnn] (+s.nnnnnnnnn) host name: { packet context }, { stream event context }, { event context }, { payload }</c>.
/// Times are local time, like babeltrace2. Values are read from the cursor's tapes; nothing is allocated per event.
/// </summary>
public sealed unsafe class TextPrinter(Utf8Output output)
{
    private long _lastNs;
    private bool _hasLast;
    private long _cachedSecond = long.MinValue;
    private readonly byte[] _cachedClock = new byte[9];

    public void Print(StreamCursor cursor)
    {
        var stream = cursor.Stream!;
        var ev = cursor.Event!;
        if (stream.Clock is not null)
        {
            long ns = cursor.TimestampNs;
            output.Write((byte)'[');
            WriteWallClock(ns);
            output.Write("] ("u8);
            if (_hasLast)
            {
                ulong delta = (ulong)(ns - _lastNs);
                output.Write((byte)'+');
                output.WriteDecimal(delta / 1_000_000_000UL);
                output.Write((byte)'.');
                output.WritePadded(delta % 1_000_000_000UL, 9);
            }
            else
            {
                output.Write("+?.?????????"u8);
            }
            output.Write(") "u8);
            _lastNs = ns;
            _hasLast = true;
        }
        if (cursor.Compiled.HostnameUtf8 is { } host)
        {
            output.Write(host);
            output.Write((byte)' ');
        }
        output.Write(ev.NameUtf8);
        output.Write(": "u8);
        bool first = true;
        Scope(cursor, stream.PacketContext, cursor.PacketContextTape, ref first);
        Scope(cursor, stream.EventContext, cursor.StreamContextTape, ref first);
        Scope(cursor, ev.Context, cursor.EventContextTape, ref first);
        Scope(cursor, ev.Payload, cursor.PayloadTape, ref first);
        output.Write((byte)'\n');
    }

    private void Scope(StreamCursor cursor, CompiledScope scope, FieldTape tape, ref bool first)
    {
        if (!scope.Present || !scope.Visible)
            return;
        if (!first)
            output.Write(", "u8);
        first = false;
        int t = 0;
        Field(cursor.Base, scope, 0, tape, ref t, print: true);
    }

    private void WriteWallClock(long ns)
    {
        long seconds = ns / 1_000_000_000L;
        long nanos = ns % 1_000_000_000L;
        if (nanos < 0)
        {
            seconds--;
            nanos += 1_000_000_000L;
        }
        if (seconds != _cachedSecond)
        {
            var utc = DateTimeOffset.FromUnixTimeSeconds(seconds);
            var local = utc.ToOffset(TimeZoneInfo.Local.GetUtcOffset(utc));
            Two(_cachedClock, 0, local.Hour);
            _cachedClock[2] = (byte)':';
            Two(_cachedClock, 3, local.Minute);
            _cachedClock[5] = (byte)':';
            Two(_cachedClock, 6, local.Second);
            _cachedClock[8] = (byte)'.';
            _cachedSecond = seconds;
        }
        output.Write(_cachedClock);
        output.WritePadded((ulong)nanos, 9);
    }

    private static void Two(byte[] buffer, int at, int value)
    {
        buffer[at] = (byte)('0' + value / 10);
        buffer[at + 1] = (byte)('0' + value % 10);
    }

    /// <summary>Prints (or only steps over) the field at op <paramref name="i"/>; returns the op after it.</summary>
    private int Field(byte* data, CompiledScope scope, int i, FieldTape tape, ref int t, bool print)
    {
        ref readonly DecodeOp op = ref scope.Ops[i];
        var info = scope.Infos[i];
        switch (op.Kind)
        {
            case OpKind.Integer:
            {
                ulong value = tape.Values[t++];
                if (print)
                    Integer(value, info.Integer!);
                return i + 1;
            }
            case OpKind.Enum:
            {
                ulong value = tape.Values[t++];
                if (print)
                    Enum(value, info);
                return i + 1;
            }
            case OpKind.Float:
            {
                ulong bits = tape.Values[t++];
                if (print)
                {
                    double value = op.SizeBits == 32 ? BitConverter.Int32BitsToSingle((int)bits) : BitConverter.Int64BitsToDouble((long)bits);
                    var span = output.Reserve(64);
                    output.Advance(CFormat.FormatG(value, span));
                }
                return i + 1;
            }
            case OpKind.String:
            case OpKind.TextArray:
            case OpKind.TextSequence:
            {
                long offset = (long)tape.Values[t];
                int length = tape.Aux[t++];
                if (print)
                    EscapedString(new ReadOnlySpan<byte>(data + offset, length));
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
                    j = Field(data, scope, j, tape, ref t, show);
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
                    Field(data, scope, i + 1, tape, ref t, print);
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
                Field(data, scope, i + info.Options[option].Start, tape, ref t, print);
                if (print)
                    output.Write(" }"u8);
                return i + 1 + op.Body;
            }
            default:
                return i + 1;
        }
    }

    private void Integer(ulong value, CtfIntegerType type)
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
                value.TryFormat(output.Reserve(16), out int n, "X");
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

    private void Enum(ulong value, OpInfo info)
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
            EscapedString(label);
            labels++;
        }
        if (labels == 0)
            output.Write("<unknown>"u8);
        output.Write(" : container = "u8);
        Integer(value, type.Container);
        output.Write(" )"u8);
    }

    private void EscapedString(ReadOnlySpan<byte> text)
    {
        output.Write((byte)'"');
        foreach (byte b in text)
        {
            switch (b)
            {
                case (byte)'\\':
                    output.Write("\\\\"u8);
                    continue;
                case (byte)'\'':
                    output.Write("\\'"u8);
                    continue;
                case (byte)'"':
                    output.Write("\\\""u8);
                    continue;
                case (byte)'?':
                    output.Write("\\?"u8);
                    continue;
            }
            if (b >= 0x20 && b != 0x7F)
            {
                output.Write(b);
                continue;
            }
            switch (b)
            {
                case 0:
                    output.Write("\\0"u8);
                    break;
                case 7:
                    output.Write("\\a"u8);
                    break;
                case 8:
                    output.Write("\\b"u8);
                    break;
                case 0x1B:
                    output.Write("\\e"u8);
                    break;
                case 0x0C:
                    output.Write("\\f"u8);
                    break;
                case (byte)'\n':
                    output.Write("\\n"u8);
                    break;
                case (byte)'\r':
                    output.Write("\\r"u8);
                    break;
                case (byte)'\t':
                    output.Write("\\t"u8);
                    break;
                case 0x0B:
                    output.Write("\\v"u8);
                    break;
                default:
                    output.Write("\\x"u8);
                    b.TryFormat(output.Reserve(2), out int n, "x2");
                    output.Advance(n);
                    break;
            }
        }
        output.Write((byte)'"');
    }
}
