namespace Ltt.Tracepoints.Model;

/// <summary>
/// A field of a TRACE_EVENT-family record (<c>struct trace_event_raw_&lt;class&gt;</c>), laid out as the
/// kernel lays it out. <c>__string</c>, <c>__dynamic_array</c> and <c>__bitmask</c> fields are the
/// 32-bit <c>__data_loc</c> word (<see cref="IsDataLoc"/>); <see cref="Type"/> then is the element type.
/// Common header fields (<c>common_type</c>, ...) are included with <see cref="Macro"/> "common".
/// </summary>
/// <param name="Macro">The TP_STRUCT__entry macro: "__field", "__field_ext", "__field_struct", "__array",
/// "__dynamic_array", "__string", "__bitmask", ... or "common".</param>
/// <param name="TypeSpelling">The type as tracefs prints it in the format file (<c>char[16]</c>, <c>__data_loc char[]</c>).</param>
public sealed record EventField(
    string Name,
    string Macro,
    string TypeSpelling,
    CType Type,
    long Offset,
    long Size,
    bool IsSigned,
    long? ArrayLength = null,
    bool IsDataLoc = false);
