using System.Buffers.Binary;
using System.Text;
using Ltt.Trace.Clocks;
using Ltt.Trace.Ctf;
using Ltt.Trace.Layout;
using Ltt.Trace.Serialization;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// A small, independent decoder of the runtime's stream files for the tests: walks packets and
/// events, rebuilds compact timestamps the way CTF readers do, and decodes payloads of integers,
/// floats, strings, arrays and sequences from the catalog. Fails loudly on anything malformed.
/// </summary>
internal static class TestTraceDecoder
{
    public sealed record DecodedEvent(int Stream, ulong Sequence, int Id, ulong Timestamp, object[] Values);

    public sealed record DecodedPacket(int Stream, PacketContext Context, int Events);

    public static (List<DecodedPacket> Packets, List<DecodedEvent> Events) Decode(string directory, EventCatalog catalog, string channel = "channel0")
    {
        var packets = new List<DecodedPacket>();
        var events = new List<DecodedEvent>();
        foreach (string file in Directory.GetFiles(directory, channel + "_*").OrderBy(f => f, StringComparer.Ordinal))
        {
            int stream = int.Parse(Path.GetFileName(file)[(channel.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            byte[] bytes = File.ReadAllBytes(file);
            long offset = 0;
            ulong? lastSequence = null;
            ulong lastTimestamp = 0;
            while (offset < bytes.Length)
            {
                ReadOnlySpan<byte> rest = bytes.AsSpan((int)offset);
                Assert.True(CtfPacketLayout.TryReadHeaderAndContext(rest, out PacketContext context), $"{file}@{offset}: bad packet magic");
                Assert.Equal((ulong)stream, context.StreamInstanceId);
                Assert.Equal((uint)stream, context.CpuId);
                Assert.True(context.PacketSizeBits % 8 == 0 && context.PacketSizeBits / 8 <= (ulong)rest.Length, $"{file}@{offset}: packet size");
                Assert.True(context.ContentSizeBits <= context.PacketSizeBits && context.ContentSizeBits >= 8 * CtfPacketLayout.HeaderAndContextSize);
                Assert.True(lastSequence is null || context.SequenceNumber > lastSequence, $"{file}@{offset}: sequence numbers go back");
                Assert.True(context.TimestampBegin <= context.TimestampEnd, $"{file}@{offset}: begin after end");
                Assert.True(context.TimestampBegin >= lastTimestamp, $"{file}@{offset}: packet begins before the previous ended");
                lastSequence = context.SequenceNumber;
                ReadOnlySpan<byte> packet = rest[..(int)(context.PacketSizeBits / 8)];
                int position = CtfPacketLayout.HeaderAndContextSize;
                int end = (int)(context.ContentSizeBits / 8);
                ulong clock = context.TimestampBegin;
                int count = 0;
                while (position < end)
                {
                    int id = packet[position] & 0x1F;
                    if (id == CtfPacketLayout.ExtendedIdEscape)
                    {
                        id = (int)BinaryPrimitives.ReadUInt32LittleEndian(packet[(position + 1)..]);
                        ulong full = BinaryPrimitives.ReadUInt64LittleEndian(packet[(position + 5)..]);
                        Assert.True(full >= clock, $"{file}@{offset + position}: extended timestamp goes back");
                        clock = full;
                        position += CtfPacketLayout.ExtendedHeaderSize;
                    }
                    else
                    {
                        uint word = BinaryPrimitives.ReadUInt32LittleEndian(packet[position..]);
                        clock = CompactTimestamp.Rebuild(clock, word >> 5, CtfPacketLayout.CompactTimestampBits);
                        position += CtfPacketLayout.CompactHeaderSize;
                    }
                    EventLayout layout = catalog.FindById(id) ?? throw new InvalidDataException($"{file}@{offset + position}: unknown event id {id}");
                    position = Align(position, layout.LargestAlignment);
                    var values = new object[layout.Fields.Count];
                    for (int k = 0; k < values.Length; k++)
                        values[k] = ReadField(packet, ref position, layout.Fields[k], layout, values);
                    Assert.True(position <= end, $"{file}@{offset}: event runs past content_size");
                    events.Add(new DecodedEvent(stream, context.SequenceNumber, id, clock, values));
                    count++;
                }
                Assert.True(clock <= context.TimestampEnd, $"{file}@{offset}: event after packet end");
                lastTimestamp = context.TimestampEnd;
                packets.Add(new DecodedPacket(stream, context, count));
                offset += packet.Length;
            }
        }
        return (packets, events);
    }

    private static int Align(int position, int alignment) => (position + alignment - 1) & -alignment;

    private static object ReadField(ReadOnlySpan<byte> packet, ref int position, FieldLayout field, EventLayout layout, object[] earlier)
    {
        int alignment = layout.Packed ? 1 : field.Alignment;
        switch (field.Kind)
        {
            case FieldKind.String:
            {
                int nul = packet[position..].IndexOf((byte)0);
                string text = Encoding.UTF8.GetString(packet.Slice(position, nul));
                position += nul + 1;
                return text;
            }
            case FieldKind.Array or FieldKind.Sequence:
            {
                int count = field.Kind == FieldKind.Array
                    ? field.Length
                    : (int)Convert.ToInt64(earlier[layout.Fields.ToList().FindIndex(f => f.Name == field.LengthField)], System.Globalization.CultureInfo.InvariantCulture);
                FieldLayout element = EventSerializer.ElementOf(field);
                if (!layout.Packed)
                    position = Align(position, EventSerializer.AlignmentOf(field));
                var items = new object[count];
                for (int n = 0; n < count; n++)
                    items[n] = ReadField(packet, ref position, element, layout, earlier);
                return items;
            }
            case FieldKind.Float:
            {
                position = Align(position, alignment);
                ReadOnlySpan<byte> slot = packet.Slice(position, field.Size);
                bool big = field.ByteOrder == ByteOrder.BigEndian;
                double value = field.Size == 4
                    ? big ? BinaryPrimitives.ReadSingleBigEndian(slot) : BinaryPrimitives.ReadSingleLittleEndian(slot)
                    : big ? BinaryPrimitives.ReadDoubleBigEndian(slot) : BinaryPrimitives.ReadDoubleLittleEndian(slot);
                position += field.Size;
                return value;
            }
            default:
            {
                position = Align(position, alignment);
                ulong bits = 0;
                for (int i = 0; i < field.Size; i++)
                {
                    int index = field.ByteOrder == ByteOrder.LittleEndian ? i : field.Size - 1 - i;
                    bits |= (ulong)packet[position + index] << (8 * i);
                }
                position += field.Size;
                if (field.Signed && field.Size < 8 && (bits >> (8 * field.Size - 1)) != 0)
                    bits |= ulong.MaxValue << (8 * field.Size);
                return field.Signed ? (object)(long)bits : bits;
            }
        }
    }
}
