namespace Ltt.Trace.Ftrace;

/// <summary>
/// One field of an event's <c>format</c> file, as the kernel prints it:
/// <c>field:&lt;type&gt; &lt;name&gt;[&lt;length&gt;];	offset:N;	size:N;	signed:N;</c>.
/// </summary>
/// <param name="Type">The declared type without the name and brackets (<c>unsigned long</c>, <c>char</c>, <c>__data_loc char[]</c> gives <c>char</c>).</param>
/// <param name="Size">Bytes in the record: of the whole array for a fixed array, of the 32-bit locator for dynamic ones, 0 for a trailing array.</param>
/// <param name="Signed">Signedness of the integer, or of each element of an array.</param>
/// <param name="ElementSize">Bytes of one element of an array (the field's size for a scalar).</param>
/// <param name="Length">Element count of a fixed array; 0 otherwise.</param>
/// <param name="IsText">A <c>char</c> array or dynamic array: read as text up to its first NUL, as the kernel prints it with <c>%s</c>.</param>
/// <param name="Line">1-based line of the field in its format file.</param>
public sealed record FtraceField(
    string Name,
    string Type,
    FtraceFieldKind Kind,
    int Offset,
    int Size,
    bool Signed,
    int ElementSize,
    int Length,
    bool IsText,
    int Line)
{
    /// <summary>The fields every event starts with (<c>common_type</c>, <c>common_flags</c>, <c>common_preempt_count</c>, <c>common_pid</c>).</summary>
    public bool IsCommon => Name.StartsWith("common_", StringComparison.Ordinal);

    public bool IsArray => Kind != FtraceFieldKind.Scalar;
}
