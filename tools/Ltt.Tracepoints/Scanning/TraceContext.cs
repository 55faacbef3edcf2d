namespace Ltt.Tracepoints.Scanning;

/// <summary>The <c>.c</c> file that defines <c>CREATE_TRACE_POINTS</c> and includes a trace header, and the text before that define.</summary>
internal sealed record TraceContext(string SourceFile, int Line, string TextBefore);
