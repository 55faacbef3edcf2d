namespace Ltt.Fuzz;

/// <summary>
/// One parser under fuzzing: its name (the folder of its corpus, dictionary and regression
/// inputs) and what it does with one input. A target returns normally for every input, good or
/// bad: the parsers report bad input as diagnostics, so any exception is a finding.
/// </summary>
public sealed record FuzzTarget(string Name, string Description, Action<byte[]> Run);
