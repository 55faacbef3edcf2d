using System.Runtime.InteropServices;

namespace Ltt.Trace.Clocks;

/// <summary>
/// Extends reads of a narrow free-running counter (a 32-bit clock, or the 27-bit timestamps of
/// CTF compact event headers) to the full 64-bit value, like LTTng's trace-clock-32-to-64.
/// The result is the 64-bit value nearest to the largest value extended so far whose low bits
/// are the read: correct across any number of wrap-arounds, and safe from many threads at once
/// (reads may arrive out of order), provided every read is within half a period (2^(bits-1)
/// ticks) of the latest one, which holds when the counter is read at least that often.
/// </summary>
public sealed class CounterExtender
{
    private readonly int _bits;
    private readonly ulong _mask;
    private PaddedValue _latest;

    public CounterExtender(int bits, ulong initial = 0)
    {
        if (bits is < 2 or > 63)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "a narrow counter has 2 to 63 bits");
        _bits = bits;
        _mask = (1UL << bits) - 1;
        _latest.Value = initial;
    }

    public int Bits => _bits;

    /// <summary>The largest value extended so far.</summary>
    public ulong Latest => Volatile.Read(ref _latest.Value);

    public ulong Extend(ulong narrow)
    {
        ulong latest = Volatile.Read(ref _latest.Value);
        ulong full = Nearest(latest, narrow & _mask);
        // Publish the new maximum; a concurrent larger one wins and is kept.
        while (full > latest)
        {
            ulong seen = Interlocked.CompareExchange(ref _latest.Value, full, latest);
            if (seen == latest)
                break;
            latest = seen;
        }
        return full;
    }

    /// <summary>The value with low bits <paramref name="narrow"/> nearest to <paramref name="reference"/>.</summary>
    public ulong Nearest(ulong reference, ulong narrow)
    {
        // Signed distance from the reference's low bits, in [-2^(bits-1), 2^(bits-1)).
        ulong delta = (narrow - reference) & _mask;
        long signedDelta = delta >= 1UL << (_bits - 1) ? (long)delta - (1L << _bits) : (long)delta;
        return (ulong)((long)reference + signedDelta);
    }

    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedValue
    {
        [FieldOffset(64)] public ulong Value;
    }
}
