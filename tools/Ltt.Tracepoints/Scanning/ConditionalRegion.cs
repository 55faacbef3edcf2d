namespace Ltt.Tracepoints.Scanning;

/// <summary>The lines one branch of an <c>#if</c>/<c>#ifdef</c> covers, and the condition under which they are compiled.</summary>
internal sealed record ConditionalRegion(int StartLine, int EndLine, string Condition)
{
    public bool Contains(int line) => line > StartLine && line < EndLine;

    public bool IsConfigGuard => Condition.Contains("CONFIG_", StringComparison.Ordinal);
}
