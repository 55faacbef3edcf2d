using Ltt.Trace.Values;

namespace Ltt.Probes.Harness;

/// <summary>
/// A field's expected value, and the C value the harness put in to get it. For a value
/// TP_fast_assign computes, <see cref="ComputedFrom"/> is set and the value comes from the
/// harness's own expect record at comparison time (<see cref="HarnessValues.FromHarness"/>).
/// </summary>
public sealed record ExpectedField(string Name, FieldValue Value, string Passed)
{
    /// <summary>The computed value this field's expectation is read from, or null when <see cref="Value"/> holds it.</summary>
    public Plan.ProbeValue? ComputedFrom { get; init; }

    /// <summary>For a sequence, true on its element count field (<c>_cmd_length</c>).</summary>
    public bool IsCount { get; init; }
}
