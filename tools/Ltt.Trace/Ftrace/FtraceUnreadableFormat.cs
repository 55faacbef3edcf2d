using Ltt.Trace.Reader;

namespace Ltt.Trace.Ftrace;

/// <summary>
/// An event whose <c>format</c> file could not be parsed. It costs only that event: the rest of
/// the record opens, its records in the pages are stepped over (their length is in the ring
/// buffer's own header), and a consumer reports it by name with <see cref="Diagnostics"/>.
/// </summary>
/// <param name="Name">The event's directory name (its name as tracefs lists it).</param>
/// <param name="Id">The id from the file's <c>ID:</c> line when that line could be read; null otherwise.</param>
public sealed record FtraceUnreadableFormat(string System, string Name, int? Id, string File, IReadOnlyList<TraceDiagnostic> Diagnostics);
