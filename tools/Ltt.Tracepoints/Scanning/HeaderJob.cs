namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// One header to parse: its full path, its tokens' view, and optionally the <c>.c</c> file that instantiates
/// it with the text that file has before <c>#define CREATE_TRACE_POINTS</c> (its context).
/// </summary>
internal sealed record HeaderJob(string Header, FileTokens Tokens, IReadOnlyList<MacroInvocation> Invocations, TraceContext? Context = null);
