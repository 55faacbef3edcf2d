namespace Ltt.Trace.Ftrace;

/// <summary>How a field of an ftrace event record holds its value.</summary>
public enum FtraceFieldKind
{
    /// <summary>An integer of <c>size</c> bytes at <c>offset</c>.</summary>
    Scalar,

    /// <summary>A fixed array (<c>char comm[16]</c>, <c>unsigned long args[6]</c>) of <c>size</c> bytes at <c>offset</c>.</summary>
    Array,

    /// <summary>
    /// <c>__data_loc T[] name</c>: a 32-bit word at <c>offset</c> whose low 16 bits are the data's
    /// offset from the start of the record and whose high 16 bits its length in bytes.
    /// </summary>
    DynamicArray,

    /// <summary><c>__rel_loc T[] name</c>: as <see cref="DynamicArray"/>, the offset counted from the end of the word.</summary>
    RelativeDynamicArray,

    /// <summary><c>char buf[]</c> with size 0 (<c>ftrace/print</c>): the rest of the record.</summary>
    TrailingArray,
}
