using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Spec;

/// <summary>
/// The members recorded for a pointer to <see cref="Struct"/> when the spec has no entry for
/// the tracepoint (<c>struct task_struct: pid</c>); an empty list records nothing for it.
/// </summary>
public sealed record StructDefault(string Struct, IReadOnlyList<ProbeSpecItem> Members, SourceLocation Location);
