namespace Ltt.Series.Patches;

/// <summary>
/// One <c>@@ -a,b +c,d @@</c> hunk: its ranges and its lines as written (with their ' ', '-', '+'
/// or '\' marker and without the line feed).
/// </summary>
public sealed record Hunk(int OldStart, int OldCount, int NewStart, int NewCount, string Context, IReadOnlyList<string> Lines, int Line)
{
    public IEnumerable<string> Added => Lines.Where(l => l.StartsWith('+')).Select(l => l[1..]);

    public IEnumerable<string> Removed => Lines.Where(l => l.StartsWith('-')).Select(l => l[1..]);
}
