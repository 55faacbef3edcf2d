using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Where TP_fast_assign takes one entry field from. <see cref="Expression"/> is the C source:
/// the value (<see cref="FieldSourceKind.Value"/>), the string or the data copied from (string,
/// dynamic array, bitmask), or the whole statement with <c>__entry-&gt;f</c> in it
/// (<see cref="FieldSourceKind.Fill"/>). <see cref="Count"/> is the copy's byte count
/// (<c>memcpy</c>) or bit count (<c>__assign_bitmask</c>); null for a value or a string.
/// </summary>
/// <param name="Expression">Null for the one-argument <c>__assign_str(f)</c>: the source is <c>__string</c>'s.</param>
public sealed record FieldSource(string Field, FieldSourceKind Kind, CFragment? Expression, CFragment? Count, SourceLocation Location)
{
    /// <summary>The TP_fast_assign variables the value reads, in the order TP_fast_assign sets them (each before those that read it).</summary>
    public IReadOnlyList<LocalDeclaration> Prologue { get; init; } = [];

    /// <summary>For <see cref="FieldSourceKind.Branches"/>: every field the statement sets (this one among them).</summary>
    public IReadOnlyList<string> Group { get; init; } = [];
}
