using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>A field TP_fast_assign sets in a way the planner cannot reproduce, at which line and why.</summary>
public sealed record UnplacedField(string Field, SourceLocation Location, Unrecordable Why)
{
    public string Reason => Why.Message;
}
