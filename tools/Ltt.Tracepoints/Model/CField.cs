namespace Ltt.Tracepoints.Model;

/// <summary>A member of a struct or union with its byte offset; bit-fields carry their bit position and width.</summary>
public sealed record CField(string Name, CType Type, long Offset, long? BitOffset = null, int? BitWidth = null)
{
    public bool IsBitField => BitWidth is not null;
}
