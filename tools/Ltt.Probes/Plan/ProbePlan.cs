using Ltt.Probes.Ids;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Everything the generator renders: the modules (one per channel), every event with its id,
/// the id map including new ids, and what could not be planned.
/// </summary>
/// <param name="NewIds">Events that had no id in the tree's map and got one now.</param>
public sealed record ProbePlan(
    TargetAbi Abi,
    bool Packed,
    IReadOnlyList<ProbeModule> Modules,
    EventIdMap Ids,
    IReadOnlyList<string> NewIds,
    IReadOnlyList<ScanDiagnostic> Diagnostics)
{
    /// <summary>Every value the planned probes leave out (fields, default members, arguments), with its cause.</summary>
    public IReadOnlyList<UnrecordedField> Unrecorded { get; init; } = [];

    public IEnumerable<ProbeEvent> Events => Modules.SelectMany(m => m.Events);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
