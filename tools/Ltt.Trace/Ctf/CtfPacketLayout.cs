using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Ltt.Trace.Ctf;

/// <summary>
/// The binary layout of the runtime's packets, byte for byte what <see cref="TsdlWriter"/>
/// declares and LTTng-UST writes: a 32-byte packet header (magic, uuid, stream_id,
/// stream_instance_id), a 52-byte packet context (timestamp_begin, timestamp_end,
/// content_size, packet_size, packet_seq_num, events_discarded, cpu_id), then events, each
/// with a compact header (5-bit id, 27-bit timestamp in one 32-bit word) or an extended one
/// (id 31, then a 32-bit id and a 64-bit timestamp: 13 bytes). Everything little-endian.
/// </summary>
public static class CtfPacketLayout
{
    public const uint Magic = 0xC1FC1FC1;

    /// <summary>Bytes before the first event of a packet.</summary>
    public const int HeaderAndContextSize = 84;

    public const int CompactHeaderSize = 4;

    public const int ExtendedHeaderSize = 13;

    /// <summary>Width of the compact header's timestamp: the reader adds 2^27 when it goes backwards.</summary>
    public const int CompactTimestampBits = 27;

    /// <summary>Largest id the compact header can carry; 31 escapes to the extended header.</summary>
    public const int MaxCompactId = 30;

    public const int ExtendedIdEscape = 31;

    public const int MagicOffset = 0;
    public const int UuidOffset = 4;
    public const int StreamIdOffset = 20;
    public const int StreamInstanceIdOffset = 24;
    public const int TimestampBeginOffset = 32;
    public const int TimestampEndOffset = 40;
    public const int ContentSizeOffset = 48;
    public const int PacketSizeOffset = 56;
    public const int PacketSeqNumOffset = 64;
    public const int EventsDiscardedOffset = 72;
    public const int CpuIdOffset = 80;

    /// <summary>Writes the packet header and context at the start of <paramref name="packet"/>.</summary>
    public static void WriteHeaderAndContext(Span<byte> packet, in PacketContext context)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(packet[MagicOffset..], Magic);
        context.Uuid.TryWriteBytes(packet.Slice(UuidOffset, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteUInt32LittleEndian(packet[StreamIdOffset..], context.StreamId);
        BinaryPrimitives.WriteUInt64LittleEndian(packet[StreamInstanceIdOffset..], context.StreamInstanceId);
        BinaryPrimitives.WriteUInt64LittleEndian(packet[TimestampBeginOffset..], context.TimestampBegin);
        BinaryPrimitives.WriteUInt64LittleEndian(packet[TimestampEndOffset..], context.TimestampEnd);
        BinaryPrimitives.WriteUInt64LittleEndian(packet[ContentSizeOffset..], context.ContentSizeBits);
        BinaryPrimitives.WriteUInt64LittleEndian(packet[PacketSizeOffset..], context.PacketSizeBits);
        BinaryPrimitives.WriteUInt64LittleEndian(packet[PacketSeqNumOffset..], context.SequenceNumber);
        BinaryPrimitives.WriteUInt64LittleEndian(packet[EventsDiscardedOffset..], context.EventsDiscarded);
        BinaryPrimitives.WriteUInt32LittleEndian(packet[CpuIdOffset..], context.CpuId);
    }

    /// <summary>Reads back what <see cref="WriteHeaderAndContext"/> wrote; false when the magic is wrong.</summary>
    public static bool TryReadHeaderAndContext(ReadOnlySpan<byte> packet, out PacketContext context)
    {
        context = default;
        if (packet.Length < HeaderAndContextSize || BinaryPrimitives.ReadUInt32LittleEndian(packet) != Magic)
            return false;
        context = new PacketContext(
            new Guid(packet.Slice(UuidOffset, 16), bigEndian: true),
            BinaryPrimitives.ReadUInt32LittleEndian(packet[StreamIdOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(packet[StreamInstanceIdOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(packet[TimestampBeginOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(packet[TimestampEndOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(packet[ContentSizeOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(packet[PacketSizeOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(packet[PacketSeqNumOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(packet[EventsDiscardedOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(packet[CpuIdOffset..]));
        return true;
    }

    /// <summary>Size of the header an event needs: compact when the id fits and the timestamp
    /// shares its bits above the 27th with the previous event of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int EventHeaderSize(bool compact) => compact ? CompactHeaderSize : ExtendedHeaderSize;

    /// <summary>Writes a compact event header: id in bits 0-4, timestamp's low 27 bits in bits 5-31.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteCompactHeader(ref byte destination, int id, ulong timestamp)
    {
        uint word = (uint)id | ((uint)timestamp << 5);
        Unsafe.WriteUnaligned(ref destination, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
    }

    /// <summary>Writes an extended event header: id field 31, 32-bit id at byte 1, 64-bit timestamp at byte 5.</summary>
    public static void WriteExtendedHeader(ref byte destination, int id, ulong timestamp)
    {
        destination = ExtendedIdEscape;
        BinaryPrimitives.WriteUInt32LittleEndian(MemoryMarshalSpan(ref destination, 1, 4), (uint)id);
        BinaryPrimitives.WriteUInt64LittleEndian(MemoryMarshalSpan(ref destination, 5, 8), timestamp);
    }

    private static Span<byte> MemoryMarshalSpan(ref byte start, int offset, int length) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.Add(ref start, offset), length);
}
