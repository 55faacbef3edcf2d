using Ltt.Trace.Values;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// One hit of a compared tracepoint on one side: its time, its index among the CPU's compared
/// hits, its context level (ftrace's flags: 0 task, 1 softirq, 2 hardirq, 3 NMI; -1 for ours,
/// which records no flags) and the values of the compared fields in plan order.
/// </summary>
internal sealed record Hit(TracepointPlan Plan, ulong Timestamp, long Index, int Context, FieldValue[] Values);
