using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ltt.Trace.Clocks;

/// <summary>
/// The fast clock the ring buffer stamps events with. On x86-64 Linux, when the kernel itself
/// keeps time with the TSC (so it found the TSCs of all CPUs synchronised and invariant), it is
/// the TSC read with <c>rdtscp</c>: a few instructions mapped once, called without a GC
/// transition. Elsewhere it is <see cref="Stopwatch.GetTimestamp"/>
/// (<c>clock_gettime(CLOCK_MONOTONIC)</c>). Both are "local" in the sense of the LKML thread's
/// palette (cheap, no cross-CPU synchronisation of their own) and linearizable on such machines;
/// <see cref="GlobalClock"/> enforces a global order on any source.
/// Set <c>LTT_TRACE_CLOCK=monotonic</c> to force the vDSO clock.
/// </summary>
/// <remarks>
/// Why <c>rdtscp</c> and not the cheaper <c>rdtsc</c> (measured on the 2-vCPU Xeon VM this
/// runs on: rdtsc 9.5 ns, rdtscp 15 ns, lfence; rdtsc 16 ns, vDSO clock_gettime 21 ns).
/// The ring buffer reads the clock after loading the write position and before the CAS that
/// moves it, so that stream order is timestamp order; that holds only if the clock read
/// cannot execute before the load. Plain <c>rdtsc</c> may: the CPU runs it ahead of a load
/// that misses, and the position line misses exactly when another CPU just reserved in the
/// same buffer (a migrated writer), which is when order matters. <c>rdtscp</c> waits for
/// earlier loads, like the kernel's <c>rdtsc_ordered()</c> (its trace clock), at the same cost
/// as <c>lfence; rdtsc</c> here. The 5.5 ns difference is the price of never writing a
/// timestamp that goes backwards in a stream.
/// </remarks>
public static unsafe class LocalClock
{
    private static readonly delegate* unmanaged[SuppressGCTransition]<ulong> Rdtscp = TscUsable() ? Native.MachineCode.Rdtscp : null;

    /// <summary>Ticks per second of <see cref="Now"/>.</summary>
    public static long Frequency { get; } = Rdtscp != null ? CalibrateTsc() : Stopwatch.Frequency;

    /// <summary>What <see cref="Now"/> reads: <c>tsc</c> or <c>monotonic</c>.</summary>
    public static string Source => Rdtscp != null ? "tsc" : "monotonic";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Now() => Rdtscp != null ? Rdtscp() : (ulong)Stopwatch.GetTimestamp();

    /// <summary>
    /// The clock value of the Unix epoch, in ticks: what CTF calls the clock offset, so that
    /// absolute time = offset + value. Measured by sampling both clocks back to back.
    /// </summary>
    public static long EpochOffset()
    {
        long best = long.MaxValue, offset = 0;
        for (int i = 0; i < 5; i++)
        {
            ulong before = Now();
            long wall = DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks;
            ulong after = Now();
            if ((long)(after - before) < best)
            {
                best = (long)(after - before);
                long wallTicks = (long)((Int128)wall * Frequency / TimeSpan.TicksPerSecond);
                offset = wallTicks - (long)(before + (after - before) / 2);
            }
        }
        return offset;
    }

    private static bool TscUsable()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64
            || Environment.GetEnvironmentVariable("LTT_TRACE_CLOCK") == "monotonic")
            return false;
        try
        {
            if (File.ReadAllText("/sys/devices/system/clocksource/clocksource0/current_clocksource").Trim() != "tsc")
                return false;
            string flags = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "";
            string[] words = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Contains("rdtscp") && words.Contains("constant_tsc") && words.Contains("nonstop_tsc");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // Ticks of the TSC per second, against CLOCK_MONOTONIC over 20 ms; each end is the pair read
    // closest together of a few, so preemption between the two reads does not skew it.
    private static long CalibrateTsc()
    {
        (long Mono, ulong Tsc) Sample()
        {
            long bestGap = long.MaxValue;
            (long, ulong) best = default;
            for (int i = 0; i < 16; i++)
            {
                long m0 = Stopwatch.GetTimestamp();
                ulong t = Rdtscp();
                long m1 = Stopwatch.GetTimestamp();
                if (m1 - m0 < bestGap)
                {
                    bestGap = m1 - m0;
                    best = (m0 + (m1 - m0) / 2, t);
                }
            }
            return best;
        }
        var (mono0, tsc0) = Sample();
        Thread.Sleep(20);
        var (mono1, tsc1) = Sample();
        return (long)((Int128)(tsc1 - tsc0) * Stopwatch.Frequency / (mono1 - mono0));
    }
}
