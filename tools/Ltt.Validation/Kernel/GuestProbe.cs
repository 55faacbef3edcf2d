namespace Ltt.Validation.Kernel;

/// <summary>One line of the recorder's probes file: a probe module, its tracepoint, and whether the probe is attached.</summary>
public sealed record GuestProbe(string Module, string Tracepoint, bool Registered);
