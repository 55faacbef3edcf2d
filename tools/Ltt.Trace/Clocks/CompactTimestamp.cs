using System.Runtime.CompilerServices;

namespace Ltt.Trace.Clocks;

/// <summary>
/// The rule CTF readers apply to a clock field narrower than 64 bits (the compact event
/// header's 27 bits), and the writer's side of it. A reader replaces the low bits of the
/// previous timestamp of the stream and adds one period when the value went backwards, so it
/// is exact only when the time since the previous event is under one period; the writer
/// keeps that true by choosing the compact header only when both timestamps share every
/// bit above the narrow ones, and the extended header (full 64 bits) otherwise.
/// </summary>
public static class CompactTimestamp
{
    /// <summary>What a CTF reader rebuilds from <paramref name="previous"/> and a narrow field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Rebuild(ulong previous, ulong narrow, int bits)
    {
        ulong mask = (1UL << bits) - 1;
        narrow &= mask;
        ulong result = (previous & ~mask) | narrow;
        if (narrow < (previous & mask))
            result += 1UL << bits;
        return result;
    }

    /// <summary>True when <paramref name="timestamp"/> can be written in <paramref name="bits"/>
    /// bits after an event at <paramref name="previous"/> (same high bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Fits(ulong previous, ulong timestamp, int bits) => (previous >> bits) == (timestamp >> bits);
}
