namespace Ltt.Validation.Kernel;

/// <summary>An event whose probe was left out of its module, and why.</summary>
public sealed record DroppedEvent(string Event, string Module, string Reason);
