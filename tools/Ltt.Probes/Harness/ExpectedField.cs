namespace Ltt.Probes.Harness;

/// <summary>A field's expected value, and the C value the harness put in to get it.</summary>
public sealed record ExpectedField(string Name, FieldValue Value, string Passed);
