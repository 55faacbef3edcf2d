namespace Ltt.Trace.Layout;

/// <summary>
/// One field of an event payload: what the runtime serializes, the CTF metadata declares, and
/// the reader decodes. The generator, the runtime and the reader share this one description.
/// </summary>
/// <param name="Size">Bytes of an integer or float; of one element for arrays and sequences; 0 for strings.</param>
/// <param name="Alignment">Alignment in bytes of the field (of its first element for arrays and sequences).</param>
/// <param name="Length">Element count of a fixed array.</param>
/// <param name="LengthField">For a sequence, the name of the earlier integer field holding its length.</param>
/// <param name="Element">Element of an array or sequence.</param>
/// <param name="CType">The C type the value came from (<c>pid_t</c>, <c>long</c>), for people and drift reports.</param>
/// <param name="Offset">Byte offset in the payload when every earlier field has a fixed size; -1 otherwise.</param>
/// <param name="Base">Display base of an integer: 10, or 16 for pointers and <c>%x</c>.</param>
public sealed record FieldLayout(
    string Name,
    FieldKind Kind,
    int Size,
    int Alignment,
    bool Signed = false,
    ByteOrder ByteOrder = ByteOrder.LittleEndian,
    int Length = 0,
    string? LengthField = null,
    FieldLayout? Element = null,
    string? CType = null,
    int Offset = -1,
    int Base = 10)
{
    public static FieldLayout Integer(string name, int size, bool signed, int alignment = 0, ByteOrder byteOrder = ByteOrder.LittleEndian) =>
        new(name, FieldKind.Integer, size, alignment == 0 ? size : alignment, signed, byteOrder);

    public static FieldLayout String(string name) => new(name, FieldKind.String, 0, 1);

    /// <summary>True when the field's size does not depend on the event (no strings or sequences inside).</summary>
    public bool IsFixedSize => Kind switch
    {
        FieldKind.String or FieldKind.Sequence => false,
        FieldKind.Array => Element?.IsFixedSize ?? true,
        _ => true,
    };

    /// <summary>Bytes of a fixed-size field; meaningless for variable ones.</summary>
    public int FixedSize => Kind == FieldKind.Array ? Length * (Element?.FixedSize ?? 0) : Size;
}
