using System.Runtime.CompilerServices;

namespace Ltt.Trace.Native;

/// <summary>
/// The CPU the calling thread runs on, read from the thread's rseq area (<c>struct rseq</c>,
/// which glibc 2.35+ registers for every thread and the kernel rewrites whenever the thread
/// resumes on another CPU): one <c>%fs</c>-relative load (<see cref="MachineCode.RseqCpuId"/>),
/// no per-thread lookup, instead of a call into <c>sched_getcpu</c>. Where rseq is not
/// registered (older glibc, <c>glibc.pthread.rseq=0</c>, a thread whose registration failed,
/// not Linux x86-64) it falls back to <see cref="Thread.GetCurrentProcessorId"/>. Either way
/// the answer may be stale by the time it is used: callers must stay correct when the thread
/// has migrated since.
/// </summary>
internal static unsafe class CurrentCpu
{
    private static readonly delegate* unmanaged[SuppressGCTransition]<int> RseqCpuId = MachineCode.RseqCpuId;

    /// <summary>The current CPU.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read()
    {
        // -1: not registered yet, -2: registration failed.
        int cpu = RseqCpuId != null ? RseqCpuId() : -1;
        return cpu >= 0 ? cpu : Thread.GetCurrentProcessorId();
    }
}
