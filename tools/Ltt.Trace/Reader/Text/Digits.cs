using System.Runtime.CompilerServices;

namespace Ltt.Trace.Reader.Text;

/// <summary>
/// Decimal digits written straight into a byte buffer, two at a time from a table: the numbers
/// of a dump line (values, nanoseconds) without the general formatting machinery. The caller
/// makes sure there is room (20 bytes for any 64-bit value with its sign, 9 for nanoseconds).
/// </summary>
internal static class Digits
{
    private static ReadOnlySpan<byte> Pairs => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Writes <paramref name="value"/> in decimal at <paramref name="destination"/>; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(ref byte destination, ulong value)
    {
        int length = Count(value);
        ref byte end = ref Unsafe.Add(ref destination, length);
        while (value >= 100)
        {
            ulong rest = value / 100;
            int pair = (int)(value - rest * 100) * 2;
            end = ref Unsafe.Subtract(ref end, 2);
            Unsafe.WriteUnaligned(ref end, Unsafe.ReadUnaligned<ushort>(in Pairs[pair]));
            value = rest;
        }
        if (value >= 10)
            Unsafe.WriteUnaligned(ref destination, Unsafe.ReadUnaligned<ushort>(in Pairs[(int)value * 2]));
        else
            destination = (byte)('0' + value);
        return length;
    }

    /// <summary>Writes a signed <paramref name="value"/> in decimal; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(ref byte destination, long value)
    {
        if (value >= 0)
            return Write(ref destination, (ulong)value);
        destination = (byte)'-';
        return 1 + Write(ref Unsafe.Add(ref destination, 1), (ulong)-(value + 1) + 1);
    }

    /// <summary>Writes <paramref name="value"/> (below 10^9) as exactly nine digits, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteNine(ref byte destination, uint value)
    {
        for (int at = 7; at >= 1; at -= 2)
        {
            uint rest = value / 100;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, at), Unsafe.ReadUnaligned<ushort>(in Pairs[(int)(value - rest * 100) * 2]));
            value = rest;
        }
        destination = (byte)('0' + value);
    }

    /// <summary>How many decimal digits <paramref name="value"/> has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(ulong value)
    {
        int digits = 1;
        while (value >= 10_000)
        {
            value /= 10_000;
            digits += 4;
        }
        return digits + (value >= 10 ? 1 : 0) + (value >= 100 ? 1 : 0) + (value >= 1000 ? 1 : 0);
    }
}
