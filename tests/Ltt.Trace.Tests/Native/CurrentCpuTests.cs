using System.Runtime.InteropServices;
using Ltt.Trace.Native;

namespace Ltt.Trace.Tests.Native;

/// <summary>
/// The CPU read of the write path (one <c>%fs</c>-relative load of the thread's rseq area):
/// present on this machine's glibc, and right on every CPU, on the main test thread and on a
/// new thread, checked by pinning the thread to each CPU in turn.
/// </summary>
public sealed unsafe partial class CurrentCpuTests
{
    [Fact]
    public void ReadsTheCpuTheThreadIsPinnedTo()
    {
        Assert.True(MachineCode.RseqCpuId != null,
            "glibc did not register rseq (glibc older than 2.35, or glibc.pthread.rseq=0): the runtime would fall back to Thread.GetCurrentProcessorId");
        var failures = new List<string>();
        CheckEveryCpu("test thread", failures);
        var thread = new Thread(() => CheckEveryCpu("new thread", failures));
        thread.Start();
        thread.Join();
        Assert.Empty(failures);
    }

    private static unsafe void CheckEveryCpu(string who, List<string> failures)
    {
        ulong original = 0;
        Assert.Equal(0, SchedGetAffinity(0, sizeof(ulong), ref original));
        try
        {
            for (int cpu = 0; cpu < Math.Min(Environment.ProcessorCount, 64); cpu++)
            {
                ulong mask = 1UL << cpu;
                if ((original & mask) == 0 || SchedSetAffinity(0, sizeof(ulong), ref mask) != 0)
                    continue;
                int raw = MachineCode.RseqCpuId();
                int read = CurrentCpu.Read();
                lock (failures)
                {
                    if (raw != cpu || read != cpu)
                        failures.Add($"{who} pinned to CPU {cpu}: rseq cpu_id {raw}, CurrentCpu.Read() {read}");
                }
            }
        }
        finally
        {
            SchedSetAffinity(0, sizeof(ulong), ref original);
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_getaffinity")]
    private static partial int SchedGetAffinity(int pid, nuint size, ref ulong mask);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SchedSetAffinity(int pid, nuint size, ref ulong mask);
}
