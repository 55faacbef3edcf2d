namespace Ltt.Tracepoints.Scanning;

/// <summary>The <c>.c</c> file that defines <c>CREATE_TRACE_POINTS</c> and includes a trace header, and the text before that define.</summary>
internal sealed record TraceContext(string SourceFile, int Line, string TextBefore)
{
    /// <summary>
    /// The CONFIG_ options the file instantiates the header under: its object's Makefile condition and the
    /// <c>#if</c> branches around the include. A configuration without them never compiles the header there.
    /// </summary>
    public IReadOnlyList<string> Config { get; init; } = [];

    /// <summary>How many <c>#if</c>s of the file are open where it includes the header: closed after it.</summary>
    public int OpenConditionals { get; init; }
}
