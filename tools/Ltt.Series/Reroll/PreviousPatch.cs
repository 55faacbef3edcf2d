namespace Ltt.Series.Reroll;

/// <summary>One patch file of a previous posting: its file, subject (without the [PATCH ...] tag), message, git patch id, text and the paths it touches.</summary>
public sealed record PreviousPatch(string File, string Title, string Body, string? PatchId, string Text, IReadOnlyList<string> Paths);
