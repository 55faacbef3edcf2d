using Ltt.Trace.Clocks;
using Ltt.Trace.Ctf;
using Ltt.Trace.Layout;
using Ltt.Trace.Serialization;
using Ltt.Trace.Values;

namespace Ltt.Trace.Tests.Reader;

/// <summary>
/// Writes CTF traces with the stream shapes a parallel reader must get right: many streams,
/// streams of very different lengths, empty stream files, packets without events, and packets
/// stored out of time order in their file. Metadata from <see cref="TsdlWriter"/>, packets laid
/// out as <see cref="CtfPacketLayout"/> says, payloads from <see cref="EventSerializer"/>: a
/// fixed-size event, one with a string and a sequence, and one whose id needs the extended header.
/// Timestamps are deterministic per seed, with gaps past 2^27 cycles now and then.
/// </summary>
internal static class CraftedStreams
{
    public static readonly EventCatalog Catalog = new("x86_64", 8, ByteOrder.LittleEndian,
    [
        new EventLayout(1, "crafted:fixed", "c",
        [
            FieldLayout.Integer("a", 8, signed: false),
            FieldLayout.Integer("b", 4, signed: true),
            FieldLayout.Integer("c", 2, signed: false),
        ]),
        new EventLayout(2, "crafted:variable", "c",
        [
            FieldLayout.String("name"),
            FieldLayout.Integer("n", 1, signed: false),
            new FieldLayout("seq", FieldKind.Sequence, 2, 2, LengthField: "n", Element: FieldLayout.Integer("seq", 2, signed: false)),
        ]),
        new EventLayout(40, "crafted:extended", "c", [FieldLayout.Integer("x", 4, signed: false)]),
    ]);

    /// <summary>
    /// One stream file: events per packet (an empty list is a packet without events), the order packets are stored in,
    /// the CPU its packet contexts name (default: the stream's position), and a packet from which on the stream has
    /// lost data (<see cref="LostBefore"/>: its events_discarded counter grows by <see cref="DiscardedAtLoss"/> and its
    /// sequence number skips <see cref="PacketsLostAtLoss"/>).
    /// </summary>
    /// <param name="EndAtEvent">Each packet's timestamp_end is the clock of its event of this index: the events after it lie past their packet's end.</param>
    public sealed record StreamPlan(string File, int[] EventsPerPacket, int[]? StoredOrder = null, uint? Cpu = null, int? LostBefore = null, int? EndAtEvent = null);

    public const ulong DiscardedAtLoss = 7;

    public const ulong PacketsLostAtLoss = 2;

    /// <summary>Writes the trace into <paramref name="directory"/>; returns the events written per event name.</summary>
    public static Dictionary<string, long> Write(string directory, IReadOnlyList<StreamPlan> streams, int seed)
    {
        Directory.CreateDirectory(directory);
        var parameters = new CtfTraceParameters(new Guid("6d2ab4bb-1a0c-4c2b-9e55-5ae1c0ffee00"), ClockFrequency: 1_000_000_000, ClockOffset: 1_700_000_000_000_000_000);
        File.WriteAllText(Path.Combine(directory, "metadata"), TsdlWriter.Write(Catalog, parameters));
        var serializers = Catalog.Events.Select(e => EventSerializer.TryCreate(e, out var s, out _) ? s : throw new InvalidOperationException()).ToArray();
        var counts = Catalog.Events.ToDictionary(e => e.Name, _ => 0L);
        var random = new Random(seed);
        for (int s = 0; s < streams.Count; s++)
        {
            var plan = streams[s];
            ulong clock = 1000 + (ulong)random.Next(1000);
            var packets = new List<byte[]>();
            for (int p = 0; p < plan.EventsPerPacket.Length; p++)
            {
                ulong begin = clock;
                var body = new List<byte>();
                ulong previous = begin;
                ulong? end = null;
                for (int e = 0; e < plan.EventsPerPacket[p]; e++)
                {
                    clock += random.Next(50) == 0 ? (1UL << 27) + (ulong)random.Next(1 << 20) : (ulong)random.Next(1, 5000);
                    int kind = random.Next(10) switch { < 6 => 0, < 9 => 1, _ => 2 };
                    var serializer = serializers[kind];
                    var values = Values(kind, random, s, e);
                    int id = serializer.EventId;
                    int at = CtfPacketLayout.HeaderAndContextSize + body.Count;
                    var header = new byte[CtfPacketLayout.ExtendedHeaderSize];
                    bool compact = id <= CtfPacketLayout.MaxCompactId && CompactTimestamp.Fits(previous, clock, CtfPacketLayout.CompactTimestampBits);
                    if (compact)
                        CtfPacketLayout.WriteCompactHeader(ref header[0], id, clock);
                    else
                        CtfPacketLayout.WriteExtendedHeader(ref header[0], id, clock);
                    body.AddRange(header.AsSpan(0, CtfPacketLayout.EventHeaderSize(compact)).ToArray());
                    at += CtfPacketLayout.EventHeaderSize(compact);
                    int padding = (serializer.Alignment - at % serializer.Alignment) % serializer.Alignment;
                    body.AddRange(new byte[padding]);
                    var payload = new byte[serializer.Measure(values)];
                    serializer.Write(payload, values);
                    body.AddRange(payload);
                    counts[serializer.Layout.Name]++;
                    previous = clock;
                    if (e == plan.EndAtEvent)
                        end = clock;
                }
                int content = CtfPacketLayout.HeaderAndContextSize + body.Count;
                int size = (content + 255) / 256 * 256;
                var packet = new byte[size];
                bool lost = plan.LostBefore is { } lostFrom && p >= lostFrom;
                CtfPacketLayout.WriteHeaderAndContext(packet, new PacketContext(parameters.Uuid, 0, (ulong)s, begin, end ?? clock,
                    (ulong)content * 8, (ulong)size * 8, (ulong)p + (lost ? PacketsLostAtLoss : 0), lost ? DiscardedAtLoss : 0, plan.Cpu ?? (uint)s));
                body.CopyTo(packet, CtfPacketLayout.HeaderAndContextSize);
                packets.Add(packet);
                clock += (ulong)random.Next(1, 100);
            }
            using var file = File.Create(Path.Combine(directory, plan.File));
            foreach (int index in plan.StoredOrder ?? Enumerable.Range(0, packets.Count).ToArray())
                file.Write(packets[index]);
        }
        return counts;
    }

    private static FieldValue[] Values(int kind, Random random, int stream, int index) => kind switch
    {
        0 => [FieldValue.Unsigned((ulong)random.NextInt64()), FieldValue.Signed(random.Next(int.MinValue, int.MaxValue)), FieldValue.Unsigned((ulong)random.Next(65536))],
        1 => Variable(random, stream, index),
        _ => [FieldValue.Unsigned((ulong)random.Next())],
    };

    private static FieldValue[] Variable(Random random, int stream, int index)
    {
        int n = random.Next(4);
        return
        [
            FieldValue.String($"s{stream}-e{index}" + (random.Next(8) == 0 ? "\t\"q\"" : "")),
            FieldValue.Unsigned((ulong)n),
            FieldValue.Array([.. Enumerable.Range(0, n).Select(_ => FieldValue.Unsigned((ulong)random.Next(65536)))]),
        ];
    }
}
