using System.Text;

namespace Ltt.Tracepoints.Model;

/// <summary>
/// A piece of source as the scan read it: its C tokens (comments dropped), each with its line, and
/// where it starts. Readers of it (the probe planner) work on <see cref="Tokens"/>, the scanner's own
/// tokens, and name the line of what they find with <see cref="LocationOf"/>.
/// </summary>
public sealed record SourceText(IReadOnlyList<CToken> Tokens, SourceLocation Location)
{
    /// <summary>
    /// The tokens as text, with the source's line breaks (each new line starting with a tab) and one
    /// space between tokens the source set apart on a line.
    /// </summary>
    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            for (int i = 0; i < Tokens.Count; i++)
            {
                if (i > 0)
                {
                    int breaks = Tokens[i].Line - Tokens[i - 1].Line;
                    if (breaks > 0)
                        sb.Append('\n', breaks).Append('\t');
                    else if (Tokens[i].SpaceBefore)
                        sb.Append(' ');
                }
                sb.Append(Tokens[i].Text);
            }
            return sb.ToString();
        }
    }

    /// <summary>The file location of <paramref name="token"/>, one of <see cref="Tokens"/>.</summary>
    public SourceLocation LocationOf(CToken token) => new(Location.File, token.Line);

    /// <summary>
    /// C held as text (a test's TP_fast_assign, say) read by the same lexer as the scan's sources,
    /// libclang's; its first line is <paramref name="location"/>'s.
    /// </summary>
    public static SourceText Parse(string text, SourceLocation location) =>
        new(Scanning.ModelTokens.Lex(text, location.Line), location);
}
