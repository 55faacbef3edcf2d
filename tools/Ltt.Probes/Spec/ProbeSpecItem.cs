using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Spec;

/// <summary>
/// One value a probe records, as the spec file wrote it: <c>prev->state as #2d</c> or
/// <c>prev_pid = prev->pid</c>.
/// </summary>
/// <param name="Field">The field name, when written (<c>name = ...</c>); else derived from the path.</param>
/// <param name="Path">The C access path: an argument, then <c>-&gt;member</c> or <c>.member</c> steps.</param>
/// <param name="TraceType">The <c>as #tracetype</c> cast, if any.</param>
public sealed record ProbeSpecItem(string? Field, string Path, TraceType? TraceType, SourceLocation Location)
{
    /// <summary>The field name in the format string: the written one, or the path with <c>-&gt;</c> and <c>.</c> turned into '_'.</summary>
    public string FieldName => Field ?? Path.Replace("->", "_").Replace('.', '_');

    /// <summary><c>as string</c> (kprobes only): the value must be a C string, read as one.</summary>
    public bool AsString { get; init; }
}
