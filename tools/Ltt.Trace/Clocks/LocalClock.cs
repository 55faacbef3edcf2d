using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ltt.Trace.Clocks;

/// <summary>
/// The fast clock the ring buffer stamps events with. On x86-64 Linux, when the kernel itself
/// keeps time with the TSC (so it found the TSCs of all CPUs synchronised and invariant), it is
/// the TSC read with <c>rdtscp</c>, which waits for earlier loads, so a read that follows a load
/// of the write position is ordered after it: a dozen instructions mapped once, called without a
/// GC transition, about a third cheaper here than the vDSO. Elsewhere it is
/// <see cref="Stopwatch.GetTimestamp"/> (<c>clock_gettime(CLOCK_MONOTONIC)</c>). Both are "local"
/// in the sense of the LKML thread's palette (cheap, no cross-CPU synchronisation of their own)
/// and linearizable on such machines, which the ring buffer relies on to keep timestamps in
/// stream order; <see cref="GlobalClock"/> enforces that order on any source.
/// Set <c>LTT_TRACE_CLOCK=monotonic</c> to force the vDSO clock.
/// </summary>
public static unsafe class LocalClock
{
    // rdtscp; shl rdx, 32; or rax, rdx; ret
    private static readonly byte[] RdtscpCode = [0x0F, 0x01, 0xF9, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3];
    private static readonly delegate* unmanaged[SuppressGCTransition]<ulong> Rdtscp = MapRdtscp();

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

    private static delegate* unmanaged[SuppressGCTransition]<ulong> MapRdtscp()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64
            || Environment.GetEnvironmentVariable("LTT_TRACE_CLOCK") == "monotonic")
            return null;
        try
        {
            if (File.ReadAllText("/sys/devices/system/clocksource/clocksource0/current_clocksource").Trim() != "tsc")
                return null;
            string flags = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "";
            string[] words = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!words.Contains("rdtscp") || !words.Contains("constant_tsc") || !words.Contains("nonstop_tsc"))
                return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        const int protReadWrite = 0x3, protReadExec = 0x5, mapPrivateAnonymous = 0x22;
        nint page = Native.LibC.Mmap(0, 4096, protReadWrite, mapPrivateAnonymous, -1, 0);
        if (page == -1)
            return null;
        RdtscpCode.CopyTo(new Span<byte>((void*)page, RdtscpCode.Length));
        if (Native.LibC.Mprotect(page, 4096, protReadExec) != 0)
            return null;
        return (delegate* unmanaged[SuppressGCTransition]<ulong>)page;
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
