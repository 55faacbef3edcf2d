using System.Text;
using Ltt.Probes.Plan;
using Ltt.Trace.Values;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Harness;

/// <summary>
/// The deterministic argument values of the harness, and the value each recorded field must
/// then hold. The C literal the harness writes and the expected value come from the same raw
/// number here, so the two cannot drift apart.
/// </summary>
public static class HarnessValues
{
    /// <summary>A 64-bit FNV-1a hash of the event, the value's path and the call number; its low bit is the call's parity.</summary>
    public static ulong Seed(string evt, string path, int call)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes($"{evt}/{path}/{call}"))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return (hash & ~1UL) | (uint)(call & 1);
    }

    /// <summary>The raw C value stored in an integer, enum or bool of <paramref name="type"/> (or a bit-field of <paramref name="bitWidth"/> bits).</summary>
    public static Int128 Integer(ulong seed, CType type, int? bitWidth)
    {
        if (type.Kind == CTypeKind.Bool)
            return 1;
        int bits = bitWidth ?? (int)type.Size * 8;
        // Call 0 sets the top bit of every width a value may be cut to (8, 16, 32, its own), call 1
        // clears them: each signed field is seen negative once and positive once.
        ulong marks = 0x80UL | 0x8000UL | 0x8000_0000UL | (1UL << (Math.Min(bits, 64) - 1));
        ulong value = seed % 2 == 0 ? seed | marks : seed & ~marks;
        return Wrap(value, bits, type.IsSigned);
    }

    /// <summary>A pointer value that looks like a kernel address, distinct per seed.</summary>
    public static Int128 Pointer(ulong seed, int pointerSize) =>
        pointerSize == 8 ? (Int128)(0xffff_8880_0000_0000UL | (seed & 0xffff_fff0UL)) : (Int128)(0xc000_0000U | (uint)(seed & 0x0fff_fff0U));

    /// <summary>A short printable string, at most <paramref name="bound"/> - 1 characters when bounded.</summary>
    public static string Text(ulong seed, int bound)
    {
        int length = 3 + (int)(seed % 10);
        if (bound > 0)
            length = Math.Min(length, bound - 1);
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append((char)('a' + (int)(seed % 26)));
            seed = seed / 26 + (ulong)i * 7919;
        }
        return text.ToString();
    }

    /// <summary><paramref name="value"/> kept to <paramref name="bits"/> bits, read as signed or not: C's conversion to an integer type.</summary>
    public static Int128 Wrap(Int128 value, int bits, bool signed)
    {
        UInt128 mask = bits >= 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
        UInt128 kept = (UInt128)value & mask;
        if (signed && bits < 128 && (kept >> (bits - 1)) != 0)
            return (Int128)kept - (Int128)(UInt128.One << bits);
        return (Int128)kept;
    }

    /// <summary>What <paramref name="value"/> becomes in a C object of <paramref name="type"/>.</summary>
    public static Int128 ConvertTo(Int128 value, CType type) =>
        type.Kind == CTypeKind.Bool ? (value != 0 ? 1 : 0) : Wrap(value, (int)type.Size * 8, type.IsSigned);

    /// <summary>The recorded value of <paramref name="v"/> when the harness stored <paramref name="raw"/> in its source.</summary>
    public static FieldValue Expected(ProbeValue v, Int128 raw, string? text)
    {
        if (v.Kind == ProbeValueKind.String)
        {
            string s = text ?? "";
            int max = 127;
            if (v.StringBound > 0)
                max = Math.Min(max, v.StringBound - 1);
            return FieldValue.String(s.Length > max ? s[..max] : s);
        }
        Int128 value = raw;
        if (v.EntryType is { } entry && v.Kind == ProbeValueKind.Integer)
            value = ConvertTo(value, entry);
        return FieldValue.Of(Wrap(value, v.Layout.Size * 8, v.Layout.Signed));
    }

    /// <summary>
    /// The recorded value of a computed <paramref name="v"/> (or of its sequence's count) from
    /// the bytes the harness's <c>ltt_userspace_expect()</c> wrote: the C object of the entry's
    /// type (integers, pointers, arrays) in the harness's byte order, the string's characters, or
    /// a sequence's elements. The conversions to the recorded form are the ones
    /// <see cref="Expected"/> applies to values the harness set itself.
    /// </summary>
    public static FieldValue FromHarness(ProbeValue v, bool isCount, ReadOnlySpan<byte> bytes, bool littleEndian = true)
    {
        switch (v.Kind)
        {
            case ProbeValueKind.String:
                return FieldValue.String(bytes);
            case ProbeValueKind.Array:
            case ProbeValueKind.Sequence:
                int size = (int)v.SourceType.Size;
                int count = bytes.Length / size;
                if (isCount)
                    return FieldValue.Of(count);
                var elements = new FieldValue[count];
                for (int i = 0; i < count; i++)
                {
                    Int128 raw = Read(bytes.Slice(i * size, size), v.SourceType.IsSigned, littleEndian);
                    elements[i] = FieldValue.Of(Wrap(raw, v.Layout.Size * 8, v.Layout.Signed));
                }
                return FieldValue.Array(elements);
            default:
                CType type = v.EntryType ?? v.SourceType;
                return Expected(v, Read(bytes, type.IsSigned && type.Kind != CTypeKind.Pointer, littleEndian), null);
        }
    }

    private static Int128 Read(ReadOnlySpan<byte> bytes, bool signed, bool littleEndian)
    {
        UInt128 raw = 0;
        for (int i = 0; i < bytes.Length; i++)
            raw = (raw << 8) | bytes[littleEndian ? bytes.Length - 1 - i : i];
        return Wrap((Int128)raw, Math.Max(8, bytes.Length * 8), signed);
    }

    /// <summary>
    /// A C literal of <paramref name="raw"/> for an object of <paramref name="type"/>, of exactly
    /// the value and type the object then holds: <c>-0x1a2b</c> for an <c>int</c> (or a
    /// <c>pid_t</c>), <c>0x1a2bUL</c> for an <c>unsigned long</c>. Only the types C has no
    /// literal of (char, short, enum, bool, pointers) keep a cast, so that checkpatch finds no
    /// cast of a C90 int constant (TYPECAST_INT_CONSTANT).
    /// </summary>
    public static string Literal(Int128 raw, CType type)
    {
        if (type.Kind == CTypeKind.Pointer)
        {
            UInt128 address = (UInt128)raw & ((UInt128.One << Math.Max(8, (int)type.Size * 8)) - 1);
            return $"({Rendering.RenderModelBuilder.CastName(type)})0x{address:x}UL";
        }
        Int128 value = ConvertTo(raw, type);
        string? suffix = CTypes.Unqualified(type.Canonical) switch
        {
            "int" or "signed int" or "signed" => "",
            "unsigned int" or "unsigned" => "U",
            "long" or "long int" or "signed long" => "L",
            "unsigned long" or "unsigned long int" => "UL",
            "long long" or "long long int" or "signed long long" => "LL",
            "unsigned long long" or "unsigned long long int" => "ULL",
            _ => null,
        };
        if (suffix is null)
            return $"({CTypes.Unqualified(Rendering.RenderModelBuilder.CastName(type))}){Number(value, "")}";
        Int128 min = -(Int128.One << ((int)type.Size * 8 - 1));
        // -0x80000000 would negate an unsigned int: write the minimum as max - 1.
        return type.IsSigned && value == min ? $"(-0x{-(min + 1):x}{suffix} - 1)" : Number(value, suffix);
    }

    private static string Number(Int128 value, string suffix) =>
        value == 0 ? "0" + suffix : value < 0 ? $"-0x{-value:x}{suffix}" : $"0x{value:x}{suffix}";

    /// <summary>A C string literal for a harness string.</summary>
    public static string StringLiteral(string text) => Rendering.CStyle.CString(text);
}
