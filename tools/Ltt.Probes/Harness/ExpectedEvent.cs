namespace Ltt.Probes.Harness;

/// <summary>
/// One probe call of the harness and what its payload must decode to: the values the harness
/// passed in, converted the way the probe records them (entry type, trace type, truncated strings).
/// </summary>
public sealed record ExpectedEvent(int Id, string Event, string Marker, IReadOnlyList<ExpectedField> Fields);
