namespace Ltt.Series.Output;

/// <summary>
/// What became of a patch since the previous posting, as a cover letter lists it (<c>history</c>
/// in the template): "unchanged", "changed", "moved", "added" or "dropped" (number 0 then);
/// <see cref="Text"/> is the line ready to print.
/// </summary>
public sealed record CoverLetterPatchHistory(string Change, int Number, string Title, string Text);
