using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Ltt.Trace.Clocks;

/// <summary>
/// The fast clock the ring buffer stamps events with: <see cref="Stopwatch.GetTimestamp"/>,
/// which on Linux is <c>clock_gettime(CLOCK_MONOTONIC)</c> read through the vDSO (the TSC on
/// this kind of machine). It is "local" in the sense of the LKML thread's palette: cheap, and
/// with no cross-CPU synchronisation of its own. On Linux it is also linearizable (a read that
/// starts after another ended never returns less), which the ring buffer relies on to keep
/// timestamps in stream order; <see cref="GlobalClock"/> is the variant that enforces it.
/// </summary>
public static class LocalClock
{
    /// <summary>Ticks per second of <see cref="Now"/>.</summary>
    public static long Frequency { get; } = Stopwatch.Frequency;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Now() => (ulong)Stopwatch.GetTimestamp();

    /// <summary>
    /// The clock value of the Unix epoch, in ticks: what CTF calls the clock offset, so that
    /// absolute time = offset + value. Measured by sampling both clocks back to back.
    /// </summary>
    public static long EpochOffset()
    {
        long best = long.MaxValue, offset = 0;
        for (int i = 0; i < 5; i++)
        {
            long before = Stopwatch.GetTimestamp();
            long wall = DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks;
            long after = Stopwatch.GetTimestamp();
            if (after - before < best)
            {
                best = after - before;
                long wallTicks = (long)((Int128)wall * Frequency / TimeSpan.TicksPerSecond);
                offset = wallTicks - (before + (after - before) / 2);
            }
        }
        return offset;
    }
}
