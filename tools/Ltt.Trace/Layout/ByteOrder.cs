namespace Ltt.Trace.Layout;

public enum ByteOrder
{
    LittleEndian,
    BigEndian,
}
