using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>A stream class with its scopes compiled and its events indexed by id.</summary>
internal sealed class CompiledStream
{
    private readonly CompiledEvent?[] _dense;
    private readonly Dictionary<long, CompiledEvent> _sparse = [];

    public CompiledStream(CtfStreamClass streamClass, CompiledScope packetContext, CompiledScope eventHeader, CompiledScope eventContext,
        IReadOnlyList<CompiledEvent> events, CtfClock? clock)
    {
        Class = streamClass;
        PacketContext = packetContext;
        EventHeader = eventHeader;
        EventContext = eventContext;
        Events = events;
        Clock = clock;
        long max = events.Count == 0 ? -1 : events.Max(e => e.Class.Id);
        _dense = new CompiledEvent?[max is >= 0 and < 65536 ? max + 1 : 0];
        foreach (var e in events)
        {
            if (e.Class.Id >= 0 && e.Class.Id < _dense.Length)
                _dense[e.Class.Id] = e;
            else
                _sparse[e.Class.Id] = e;
        }
    }

    public CtfStreamClass Class { get; }

    public CompiledScope PacketContext { get; }

    public CompiledScope EventHeader { get; }

    public CompiledScope EventContext { get; }

    public IReadOnlyList<CompiledEvent> Events { get; }

    /// <summary>The clock its timestamps are mapped to, or null when events carry no time.</summary>
    public CtfClock? Clock { get; }

    public CompiledEvent? Find(ulong id) => id < (ulong)_dense.Length ? _dense[id] : _sparse.GetValueOrDefault((long)id);
}
