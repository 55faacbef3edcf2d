namespace Ltt.Tracepoints.Model;

/// <summary>One parameter of a tracepoint prototype (<c>TP_PROTO</c> / <c>TPPROTO</c>).</summary>
public sealed record TracepointArg(string Name, CType Type);
