using Ltt.Clang;

namespace Ltt.Tracepoints.Scanning;

/// <summary>A call of a known macro found in the tokens of a file, its arguments split at top-level commas.</summary>
/// <param name="Balanced">False when the file ended before the closing parenthesis.</param>
internal sealed record MacroInvocation(string Macro, int Line, IReadOnlyList<IReadOnlyList<Token>> Arguments, bool Balanced)
{
    public string ArgumentText(int index) =>
        index < Arguments.Count ? TokenText.Join(Arguments[index]) : string.Empty;
}
