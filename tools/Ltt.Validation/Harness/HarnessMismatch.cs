namespace Ltt.Validation.Harness;

/// <summary>A payload that did not decode to what the harness passed in: which record, event and field, expected against found.</summary>
public sealed record HarnessMismatch(int Record, string Event, string? Field, string Message)
{
    public override string ToString() => Field is null
        ? $"record {Record} ({Event}): {Message}"
        : $"record {Record} ({Event}) field {Field}: {Message}";
}
