namespace Ltt.Trace.Reader.Decoding;

/// <summary>Fixed registers for fields with a meaning; registers past <see cref="FirstFree"/> hold sequence lengths and variant tags.</summary>
internal static class Registers
{
    public const int Magic = 0;
    public const int StreamId = 1;
    public const int StreamInstanceId = 2;
    public const int PacketSize = 3;
    public const int ContentSize = 4;
    public const int TimestampBegin = 5;
    public const int TimestampEnd = 6;
    public const int EventsDiscarded = 7;
    public const int PacketSeqNum = 8;
    public const int EventId = 9;
    public const int FirstFree = 10;
}
