using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>A stream class with its scopes compiled and its events indexed by id.</summary>
internal sealed class CompiledStream
{
    private readonly CompiledEvent?[] _dense;
    private readonly Dictionary<long, CompiledEvent> _sparse = [];
    private readonly long _clockOffsetNs;

    public CompiledStream(CtfStreamClass streamClass, CompiledScope packetContext, CompiledScope eventHeader, CompiledScope eventContext,
        IReadOnlyList<CompiledEvent> events, CtfClock? clock)
    {
        Class = streamClass;
        PacketContext = packetContext;
        EventHeader = eventHeader;
        EventContext = eventContext;
        Events = events;
        Clock = clock;
        HeaderFast = EventHeaderFast.TryCreate(eventHeader);
        _clockOffsetNs = clock?.OffsetNanoseconds() ?? 0;
        long max = events.Count == 0 ? -1 : events.Max(e => e.Class.Id);
        _dense = new CompiledEvent?[max is >= 0 and < 65536 ? max + 1 : 0];
        foreach (var e in events)
        {
            e.HasEnums = eventContext.HasEnums || e.Context.HasEnums || e.Payload.HasEnums;
            e.Lean = eventContext.Ops.Length == 0 && e.Context.Ops.Length == 0
                && (e.Payload.Ops.Length == 0 || e.Payload.Fixed is { LoadsOnly: true });
            if (e.Class.Id >= 0 && e.Class.Id < _dense.Length)
                _dense[e.Class.Id] = e;
            else
                _sparse[e.Class.Id] = e;
        }
        LeanTable = HeaderFast is null ? [] : BuildLeanTable(_dense);
    }

    public CtfStreamClass Class { get; }

    public CompiledScope PacketContext { get; }

    public CompiledScope EventHeader { get; }

    /// <summary>For lean event classes after a compact header: <c>LeanTable[id * 8 + payload start byte % 8]</c>; empty entries have no event.</summary>
    public LeanEvent[] LeanTable { get; }

    private static LeanEvent[] BuildLeanTable(CompiledEvent?[] dense)
    {
        var table = new LeanEvent[dense.Length * 8];
        for (int id = 0; id < dense.Length; id++)
        {
            if (dense[id] is not { Lean: true } ev)
                continue;
            for (int residue = 0; residue < 8; residue++)
            {
                table[id * 8 + residue] = ev.Payload.Fixed is { } layout && layout.Plans[residue & layout.Mask] is { } plan
                    ? new LeanEvent(ev, plan.SizeBits, plan.Entries, plan.WideEnd)
                    : new LeanEvent(ev, 0, [], 0);
            }
        }
        return table;
    }

    /// <summary>The compact header's shortcut, when the event header has that shape.</summary>
    public EventHeaderFast? HeaderFast { get; }

    public CompiledScope EventContext { get; }

    public IReadOnlyList<CompiledEvent> Events { get; }

    /// <summary>The clock its timestamps are mapped to, or null when events carry no time.</summary>
    public CtfClock? Clock { get; }

    /// <summary>Nanoseconds from the origin of a clock value: <see cref="CtfClock.ToNanosecondsFromOrigin"/> with the offset computed once.</summary>
    public long ToNanosecondsFromOrigin(ulong cycles) => _clockOffsetNs + Clock!.CyclesToNanoseconds(cycles);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public CompiledEvent? Find(ulong id) => id < (ulong)_dense.Length ? _dense[id] : FindSparse(id);

    private CompiledEvent? FindSparse(ulong id) => _sparse.GetValueOrDefault((long)id);
}
