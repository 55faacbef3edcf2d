namespace Ltt.Trace.Reader.Metadata;

/// <summary>Everything a trace's metadata declares: trace block, environment, clocks, stream and event classes.</summary>
public sealed class CtfTraceClass
{
    public int Major { get; init; } = 1;

    public int Minor { get; init; } = 8;

    public string? Uuid { get; init; }

    public CtfByteOrder ByteOrder { get; init; } = CtfByteOrder.LittleEndian;

    public CtfStructType? PacketHeader { get; init; }

    /// <summary>The env block, in declaration order; values are strings or longs.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Environment { get; init; } = [];

    public IReadOnlyList<CtfClock> Clocks { get; init; } = [];

    public IReadOnlyList<CtfStreamClass> Streams { get; init; } = [];

    public string? Hostname => Environment.FirstOrDefault(e => e.Key == "hostname").Value as string;

    public CtfStreamClass? FindStream(long id) => Streams.FirstOrDefault(s => s.Id == id);

    public IEnumerable<CtfEventClass> AllEvents => Streams.SelectMany(s => s.Events);
}
