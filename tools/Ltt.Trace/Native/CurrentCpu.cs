using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ltt.Trace.Native;

/// <summary>
/// The CPU the calling thread runs on, read from the thread's rseq area (<c>struct rseq</c>,
/// which glibc 2.35+ registers for every thread and the kernel rewrites whenever the thread
/// resumes on another CPU): one load instead of a call into <c>sched_getcpu</c>. Where rseq is
/// not registered (older glibc, <c>glibc.pthread.rseq=0</c>, not Linux x86-64) it falls back to
/// <see cref="Thread.GetCurrentProcessorId"/>. Either way the answer may be stale by the time it
/// is used: callers must stay correct when the thread has migrated since.
/// </summary>
internal static unsafe class CurrentCpu
{
    // struct rseq { u32 cpu_id_start; u32 cpu_id; ... }: cpu_id is at byte 4.
    private const int CpuIdOffset = 4;

    private static readonly nint RseqOffset = FindRseqOffset();

    /// <summary>The address of the calling thread's rseq <c>cpu_id</c>, or null when unusable:
    /// look it up once per thread and read it with <see cref="Read"/>.</summary>
    public static int* AddressForThisThread()
    {
        var threadPointer = MachineCode.ThreadPointer;
        if (RseqOffset == 0 || threadPointer == null)
            return null;
        int* cpuId = (int*)(threadPointer() + RseqOffset + CpuIdOffset);
        // -1: not registered yet, -2: registration failed; a registered thread reads its CPU.
        int value = Volatile.Read(ref *cpuId);
        return value >= 0 ? cpuId : null;
    }

    /// <summary>The current CPU: through the thread's rseq area when <paramref name="cpuId"/> is not null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read(int* cpuId) => cpuId != null ? Volatile.Read(ref *cpuId) : Thread.GetCurrentProcessorId();

    private static nint FindRseqOffset()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return 0;
        if (!NativeLibrary.TryLoad("libc.so.6", out nint libc))
            return 0;
        // glibc exports both since 2.35: the area's offset from the thread pointer, and its size
        // (0 when glibc did not register rseq).
        if (!NativeLibrary.TryGetExport(libc, "__rseq_offset", out nint offset)
            || !NativeLibrary.TryGetExport(libc, "__rseq_size", out nint size)
            || *(uint*)size == 0)
            return 0;
        return *(nint*)offset;
    }
}
