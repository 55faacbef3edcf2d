using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>One member access of a value path: <c>-&gt;pid</c> (through a pointer) or <c>.pid</c>.</summary>
public sealed record ValueStep(CField Member, bool ThroughPointer)
{
    public override string ToString() => (ThroughPointer ? "->" : ".") + Member.Name;
}
