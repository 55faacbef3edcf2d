namespace Ltt.Probes.Harness;

/// <summary>
/// What the harness file of a module declares at file scope for an event: an object its calls
/// fill (<see cref="Declaration"/>, C text) or the event's <see cref="Expect"/> function.
/// </summary>
internal sealed record HarnessObject(string Event, string? Declaration, HarnessExpect? Expect);
