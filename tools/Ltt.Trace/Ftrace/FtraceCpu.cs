namespace Ltt.Trace.Ftrace;

/// <summary>One CPU of an ftrace copy: its number, its pages file and its counters (null when <c>stats</c> was not copied).</summary>
/// <param name="PagesFile">Path of the <c>trace_pipe_raw</c> copy.</param>
/// <param name="FileName">The same, relative to the copy's directory, as diagnostics name it.</param>
public sealed record FtraceCpu(int Number, string PagesFile, string FileName, FtraceCpuStats? Stats);
