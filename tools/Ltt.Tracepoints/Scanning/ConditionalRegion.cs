namespace Ltt.Tracepoints.Scanning;

/// <summary>The lines one branch of an <c>#if</c>/<c>#ifdef</c> covers, and the condition under which they are compiled, with the CONFIG_ symbols it names.</summary>
internal sealed record ConditionalRegion(int StartLine, int EndLine, string Condition, IReadOnlyList<string> ConfigSymbols)
{
    public bool Contains(int line) => line > StartLine && line < EndLine;

    public bool IsConfigGuard => ConfigSymbols.Count > 0;
}
