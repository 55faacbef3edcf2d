using System.Buffers.Binary;
using Ltt.Trace.Ctf;
using Ltt.Trace.Layout;
using Ltt.Trace.Serialization;
using Ltt.Trace.Values;

namespace Ltt.Validation.Tests.Kernel.Comparison;

/// <summary>
/// Writes a small CTF trace the way the kernel recorder does (the runtime's TSDL, packet header
/// and context, extended event headers): one stream file per CPU (<c>stream_N</c>), one packet
/// per call of <see cref="Packet"/>, with the chosen timestamps, payloads and lost-event counter.
/// </summary>
internal sealed class CtfTraceBuilder(EventCatalog catalog)
{
    private readonly Dictionary<int, List<(ulong Discarded, List<(ulong Time, EventLayout Layout, FieldValue[] Values)> Events)>> _packets = [];

    /// <summary>Starts a new packet on <paramref name="cpu"/>; <paramref name="discarded"/> is the stream's running lost count.</summary>
    public CtfTraceBuilder Packet(int cpu, ulong discarded = 0)
    {
        if (!_packets.TryGetValue(cpu, out var list))
            _packets[cpu] = list = [];
        list.Add((discarded, []));
        return this;
    }

    public CtfTraceBuilder Event(int cpu, ulong time, string name, params FieldValue[] values)
    {
        if (!_packets.TryGetValue(cpu, out var list) || list.Count == 0)
            Packet(cpu);
        _packets[cpu][^1].Events.Add((time, catalog.Events.Single(e => e.Name == name), values));
        return this;
    }

    public string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var parameters = CtfTraceParameters.CreateDefault();
        File.WriteAllText(Path.Combine(directory, "metadata"), TsdlWriter.Write(catalog, parameters));
        foreach (var (cpu, packets) in _packets)
        {
            using var file = File.Create(Path.Combine(directory, $"stream_{cpu}"));
            ulong sequence = 0;
            foreach (var (discarded, events) in packets)
            {
                var packet = new byte[64 * 1024];
                int pos = CtfPacketLayout.HeaderAndContextSize;
                foreach (var (time, layout, values) in events)
                {
                    // The event header is byte-aligned (TSDL aligns in bits: align(8)).
                    packet[pos] = CtfPacketLayout.ExtendedIdEscape;
                    BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(pos + 1), (uint)layout.Id);
                    BinaryPrimitives.WriteUInt64LittleEndian(packet.AsSpan(pos + 5), time);
                    pos += CtfPacketLayout.ExtendedHeaderSize;
                    if (!EventSerializer.TryCreate(layout, out var serializer, out string? error))
                        throw new InvalidOperationException(error);
                    pos = Align(pos, serializer.Alignment);
                    int size = serializer.Measure(values);
                    serializer.Write(packet.AsSpan(pos, size), values);
                    pos += size;
                }
                int packetSize = Align(pos, 4096);
                ulong first = events.Count > 0 ? events[0].Time : 0, last = events.Count > 0 ? events[^1].Time : 0;
                CtfPacketLayout.WriteHeaderAndContext(packet, new PacketContext(parameters.Uuid, TsdlWriter.StreamId, (ulong)cpu,
                    first, last, (ulong)pos * 8, (ulong)packetSize * 8, sequence++, discarded, (uint)cpu));
                file.Write(packet, 0, packetSize);
            }
        }
        return directory;
    }

    private static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
