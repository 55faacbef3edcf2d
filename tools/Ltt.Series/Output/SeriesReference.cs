namespace Ltt.Series.Output;

/// <summary>Another series named in a cover letter: its number, title and size.</summary>
public sealed record SeriesReference(int Number, string Title, int Patches);
