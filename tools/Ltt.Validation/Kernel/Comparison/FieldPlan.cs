using Ltt.Trace.Ftrace;
using Ltt.Trace.Layout;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>How one recorded field is compared: which member of our payload, which field of ftrace's record, and as what.</summary>
/// <param name="OurIndex">Index of the field in our payload (events.json order, which the metadata keeps).</param>
/// <param name="FtraceAsBytes">Read ftrace's field as its raw bytes: a char array we record as numbers, or a byte array we record as a string.</param>
/// <param name="CapElements">For a sequence: the most elements our recorder keeps (longer ones are cut); 0 for no cap.</param>
internal sealed record FieldPlan(string Name, int OurIndex, FieldLayout Ours, FtraceField Ftrace, CompareMode Mode, bool FtraceAsBytes, int CapElements)
{
    /// <summary>Each probe reads the kernel's tick counter (jiffies) itself: the two values may differ by the ticks between the probes.</summary>
    public bool Ticks { get; init; }
}

/// <summary>What a field's values are compared as.</summary>
internal enum CompareMode
{
    Integer,
    Text,
    List,
}
