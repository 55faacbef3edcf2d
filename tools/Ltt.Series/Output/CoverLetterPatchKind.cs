namespace Ltt.Series.Output;

/// <summary>A patch's kind as a cover letter lists it (<c>kinds</c> in the template); <see cref="Text"/> is the line ready to print, wrapped at 72 columns.</summary>
public sealed record CoverLetterPatchKind(int Number, string Title, string Kind, string Reason, string Text);
