namespace Ltt.Probes.CiRun;

/// <summary>
/// One disagreement found by the CI run: the stage (<c>harness</c>, <c>replay</c>, <c>validate</c>,
/// <c>values</c>, <c>babeltrace2</c>), the event and field, and what was expected against what was found.
/// </summary>
public sealed record CiMismatch(string Stage, string Event, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{Stage}: {Event}: {Message}" : $"{Stage}: {Event} field {Field}: {Message}";
}
