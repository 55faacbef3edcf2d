namespace Ltt.Trace.Reader.Metadata;

/// <summary>Byte order of a CTF type: <see cref="Native"/> means the trace's own byte order.</summary>
public enum CtfByteOrder
{
    Native,
    LittleEndian,
    BigEndian,
}
