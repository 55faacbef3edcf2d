namespace Ltt.Trace.Runtime;

/// <summary>What a <see cref="SyntheticWorkload"/> run did and how long it took.</summary>
/// <param name="Attempted">Events the threads tried to write (all of them unless cancelled).</param>
/// <param name="Written">Writes that returned true (the rest were discarded at once).</param>
/// <param name="AllocatedBytes">Managed bytes the writer threads allocated while writing.</param>
/// <param name="NanosecondsPerEvent">Wall time of the run divided by the events of one thread: the cost
/// of one write as seen by each thread, all threads running at once (flat when scaling is linear).</param>
/// <param name="CpuNanosecondsPerEvent">CPU time the writer threads used, per event: the cost of a write
/// without the time other processes took the CPU away (what to compare on a loaded machine).</param>
public sealed record WorkloadResult(
    int Threads,
    long Attempted,
    long Written,
    TimeSpan Elapsed,
    long AllocatedBytes,
    double NanosecondsPerEvent,
    double CpuNanosecondsPerEvent);
