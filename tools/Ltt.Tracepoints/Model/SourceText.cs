namespace Ltt.Tracepoints.Model;

/// <summary>
/// A piece of source kept as written (comments dropped): its text, with the source's line
/// breaks, and where its first character is. Line <c>n</c> of <see cref="Text"/> (0-based) is
/// line <c>Location.Line + n</c> of the file, so a reader can name the line of what it finds.
/// </summary>
public sealed record SourceText(string Text, SourceLocation Location)
{
    /// <summary>The file location of the character at <paramref name="index"/> of <see cref="Text"/>.</summary>
    public SourceLocation LocationOf(int index)
    {
        int line = Location.Line;
        for (int i = 0; i < index && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
                line++;
        }
        return new SourceLocation(Location.File, line);
    }
}
