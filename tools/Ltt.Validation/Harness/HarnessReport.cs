namespace Ltt.Validation.Harness;

/// <summary>The outcome of comparing a harness recording with what was passed in.</summary>
public sealed record HarnessReport(int Records, int FieldsChecked, IReadOnlyList<HarnessMismatch> Mismatches)
{
    public bool Success => Mismatches.Count == 0;
}
