namespace Ltt.Validation.Harness;

/// <summary>
/// One disagreement found by the CI run: the stage, the event and field, and what was expected
/// against what was found. <see cref="Event"/> is an event name, or an event name followed by
/// where it was seen (<c>sched_switch, id 3</c>), or a trace-wide place (<c>-</c>, a stream).
/// </summary>
public sealed record CiMismatch(CiStage Stage, string Event, string? Field, string Message)
{
    /// <summary>The stage as reports name it: <c>harness</c>, <c>replay</c>, <c>validate</c>, <c>values</c>, <c>babeltrace2</c>.</summary>
    public string StageName => Stage.ToString().ToLowerInvariant();

    /// <summary>True when the mismatch is about the event <paramref name="eventName"/>: the one rule for matching them.</summary>
    public bool Concerns(string eventName) =>
        Event == eventName || (Event.Length > eventName.Length && Event[eventName.Length] == ',' && Event.StartsWith(eventName, StringComparison.Ordinal));

    public override string ToString() => Field is null ? $"{StageName}: {Event}: {Message}" : $"{StageName}: {Event} field {Field}: {Message}";
}
