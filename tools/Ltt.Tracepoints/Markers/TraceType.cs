namespace Ltt.Tracepoints.Markers;

/// <summary>
/// The <c>#tracetype</c> part of a marker field: the binary representation in the trace,
/// <c>#1u #2u #4u #8u</c> or <c>#1d #2d #4d #8d</c>, with <c>n</c> for network byte order (<c>#n4u</c>).
/// </summary>
public sealed record TraceType(int Size, bool Signed, bool NetworkByteOrder)
{
    public override string ToString() => $"#{(NetworkByteOrder ? "n" : "")}{Size}{(Signed ? 'd' : 'u')}";
}
