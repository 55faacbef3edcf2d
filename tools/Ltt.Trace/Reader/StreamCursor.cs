using System.IO.MemoryMappedFiles;
using Ltt.Trace.Reader.Decoding;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader;

/// <summary>
/// Walks one stream file packet by packet and event by event, decoding straight from a
/// memory-mapped view with the trace's compiled layouts. Nothing is allocated per event: the
/// current event's values live in reused tapes until the next <see cref="MoveNext"/>.
/// A damaged event ends its packet; damaged packet framing ends the stream. Both are recorded
/// in <see cref="Diagnostics"/>, never thrown.
/// </summary>
public sealed unsafe partial class StreamCursor : IDisposable
{
    public const uint PacketMagic = 0xC1FC1FC1;

    private readonly CompiledTrace _trace;
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _base;
    private readonly long _length;
    private readonly ulong[] _regs;

    private byte* _pkt;
    private long _pos;
    private long _limit;
    private long _nextPacketOffset;
    private bool _inPacket;
    private bool _finished;
    private CompiledStream? _stream;
    private CompiledEvent? _event;
    private ulong _clock;
    private bool _clockSet;
    private long _timestampNs;

    internal FieldTape PacketHeaderTape { get; } = new();
    internal FieldTape PacketContextTape { get; } = new();
    internal FieldTape HeaderTape { get; } = new();
    internal FieldTape StreamContextTape { get; } = new();
    internal FieldTape EventContextTape { get; } = new();
    internal FieldTape PayloadTape { get; } = new();

    internal StreamCursor(CompiledTrace trace, string path, string name, int order)
    {
        _trace = trace;
        FileName = name;
        Order = order;
        _regs = new ulong[trace.RegisterCount];
        try
        {
            _length = new FileInfo(path).Length;
            if (_length > 0)
            {
                _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
                _view = _map.CreateViewAccessor(0, _length, MemoryMappedFileAccess.Read);
                byte* pointer = null;
                _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
                _base = pointer + _view.PointerOffset;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Diagnostics.Add(new TraceDiagnostic("stream", name, ex.Message));
            _finished = true;
        }
    }

    /// <summary>The stream file, relative to the trace directory.</summary>
    public string FileName { get; }

    /// <summary>Position of the stream in the trace, to break timestamp ties the same way every time.</summary>
    public int Order { get; }

    public List<TraceDiagnostic> Diagnostics { get; } = [];

    public CtfTraceClass TraceClass => _trace.Trace;

    public long PacketIndex { get; private set; } = -1;

    /// <summary>Byte offset of the current packet in the file.</summary>
    public long PacketOffset { get; private set; }

    public long PacketSizeBits { get; private set; }

    public long ContentSizeBits { get; private set; }

    public CtfStreamClass? StreamClass => _stream?.Class;

    /// <summary>Index of the current event in its packet.</summary>
    public long EventIndex { get; private set; } = -1;

    /// <summary>Byte offset of the current event in the file.</summary>
    public long EventOffset { get; private set; }

    public CtfEventClass? EventClass => _event?.Class;

    public bool HasClock => _stream?.Clock is not null;

    /// <summary>The current clock value in cycles, extended to 64 bits.</summary>
    public ulong ClockValue => _clock;

    /// <summary>Nanoseconds from the clock's origin of the current event, or 0 without a clock.</summary>
    public long TimestampNs => _timestampNs;

    /// <summary>Packet context field values, valid from one packet to the next; null when the packet context has no such field.</summary>
    public ulong? PacketSequenceNumber => Meaning(Registers.PacketSeqNum);

    public ulong? EventsDiscarded => Meaning(Registers.EventsDiscarded);

    public ulong? TimestampBegin => Meaning(Registers.TimestampBegin);

    public ulong? TimestampEnd => Meaning(Registers.TimestampEnd);

    public ulong? StreamInstanceId => _trace.PacketHeader.Has(Registers.StreamInstanceId) ? _regs[Registers.StreamInstanceId] : null;

    /// <summary>Called after each packet's header and context are decoded, before its events.</summary>
    public Action<StreamCursor>? PacketStarted { get; set; }

    internal CompiledTrace Compiled => _trace;

    internal CompiledStream? Stream => _stream;

    internal CompiledEvent? Event => _event;

    internal byte* Base => _base;

    private ulong? Meaning(int register) => _stream is { } s && s.PacketContext.Has(register) ? _regs[register] : null;

    /// <summary>Moves to the next event; false at the end of the stream (see <see cref="Diagnostics"/> for why it ended early).</summary>
    public bool MoveNext()
    {
        while (!_finished)
        {
            if (!_inPacket)
            {
                if (!StartPacket())
                {
                    _finished = true;
                    return false;
                }
                continue;
            }
            if (_pos >= _limit)
            {
                _inPacket = false;
                continue;
            }
            if (ReadEvent())
                return true;
            _inPacket = false;
        }
        return false;
    }

    private bool StartPacket()
    {
        if (_nextPacketOffset >= _length)
            return false;
        PacketOffset = _nextPacketOffset;
        PacketIndex++;
        EventIndex = -1;
        _event = null;
        _pkt = _base + PacketOffset;
        _pos = 0;
        _limit = (_length - PacketOffset) * 8;
        PacketHeaderTape.Clear();
        PacketContextTape.Clear();
        var header = _trace.PacketHeader;
        if (!Run(header, 0, header.Ops.Length, PacketHeaderTape, "packet header"))
            return false;
        if (header.Has(Registers.Magic) && _regs[Registers.Magic] != PacketMagic)
            return PacketError("magic", $"bad magic 0x{_regs[Registers.Magic]:X8}, expected 0x{PacketMagic:X8}", 0);
        if (!CheckUuid())
            return false;
        CompiledStream? stream;
        if (header.Has(Registers.StreamId))
        {
            stream = _trace.FindStream(_regs[Registers.StreamId]);
            if (stream is null)
                return PacketError("stream-id", $"stream id {_regs[Registers.StreamId]} is not declared in the metadata", 0);
        }
        else
        {
            stream = _trace.Streams.Count == 1 ? _trace.Streams[0] : _trace.FindStream(0);
            if (stream is null)
                return PacketError("stream-id", "the packet header has no stream_id and the metadata declares several streams", 0);
        }
        if (_stream is not null && _stream != stream)
            return PacketError("stream-id", $"stream class changes from {_stream.Class.Id} to {stream.Class.Id} inside one stream file", 0);
        _stream = stream;
        var context = stream.PacketContext;
        if (!Run(context, 0, context.Ops.Length, PacketContextTape, "packet context"))
            return false;
        long available = (_length - PacketOffset) * 8;
        long packetBits = context.Has(Registers.PacketSize) ? (long)Math.Min(_regs[Registers.PacketSize], long.MaxValue / 2) : available;
        long contentBits = context.Has(Registers.ContentSize) ? (long)Math.Min(_regs[Registers.ContentSize], long.MaxValue / 2) : packetBits;
        if (packetBits == 0 || packetBits % 8 != 0)
            return PacketError("packet-size", $"packet size {packetBits} bits is not a positive whole number of bytes", 0);
        if (packetBits > available)
            return PacketError("packet-size", $"packet size is {packetBits / 8} bytes but only {available / 8} bytes remain in the file (truncated packet)", 0);
        if (contentBits > packetBits)
            return PacketError("content-size", $"content size {contentBits} bits is larger than the packet size {packetBits} bits", 0);
        if (_pos > contentBits)
            return PacketError("content-size", $"packet header and context take {_pos} bits, more than the content size {contentBits} bits", 0);
        PacketSizeBits = packetBits;
        ContentSizeBits = contentBits;
        _limit = contentBits;
        _nextPacketOffset = PacketOffset + packetBits / 8;
        _inPacket = true;
        PacketStarted?.Invoke(this);
        return true;
    }

    private bool CheckUuid()
    {
        if (_trace.UuidBytes is not { } expected || _trace.Trace.PacketHeader?.Find("uuid") is null)
            return true;
        // The uuid array follows the magic in every layout LTTng and ltt-trace write; find it on the tape.
        var ops = _trace.PacketHeader.Ops;
        var infos = _trace.PacketHeader.Infos;
        int tape = 0;
        for (int i = 1; i < ops.Length; i++)
        {
            if (infos[i].Path == "trace.packet.header.uuid" && ops[i].Kind == OpKind.Array && ops[i].Count == 16)
            {
                for (int k = 0; k < 16; k++)
                {
                    if ((byte)PacketHeaderTape.Values[tape + 1 + k] != expected[k])
                        return PacketError("uuid", "packet uuid differs from the trace uuid in the metadata", 4);
                }
                return true;
            }
            if (ops[i].Kind is OpKind.Integer or OpKind.Enum or OpKind.Float)
                tape++;
            else if (ops[i].Kind != OpKind.StructEnd)
                return true;
        }
        return true;
    }

    private bool PacketError(string check, string message, long relativeByte)
    {
        Diagnostics.Add(new TraceDiagnostic(check, FileName, message, Packet: PacketIndex, Offset: PacketOffset + relativeByte));
        return false;
    }

    private bool ReadEvent()
    {
        var stream = _stream!;
        EventIndex++;
        EventOffset = PacketOffset + (_pos >> 3);
        long start = _pos;
        _event = null;
        _regs[Registers.EventId] = 0;
        HeaderTape.Clear();
        StreamContextTape.Clear();
        EventContextTape.Clear();
        PayloadTape.Clear();
        var header = stream.EventHeader;
        if (!Run(header, 0, header.Ops.Length, HeaderTape, "event header"))
            return false;
        ulong id = _regs[Registers.EventId];
        var ev = stream.Find(id);
        if (ev is null)
        {
            Diagnostics.Add(new TraceDiagnostic("event-id", FileName, $"unknown event id {id} in stream class {stream.Class.Id}",
                Packet: PacketIndex, Offset: EventOffset, Event: EventIndex));
            return false;
        }
        _event = ev;
        if (!Run(stream.EventContext, 0, stream.EventContext.Ops.Length, StreamContextTape, "stream event context")
            || !Run(ev.Context, 0, ev.Context.Ops.Length, EventContextTape, "event context")
            || !Run(ev.Payload, 0, ev.Payload.Ops.Length, PayloadTape, "event payload"))
            return false;
        if (stream.Clock is { } clock)
            _timestampNs = clock.ToNanosecondsFromOrigin(_clock);
        if (_pos == start)
        {
            Diagnostics.Add(new TraceDiagnostic("event-size", FileName, "event takes no space: the packet cannot be walked",
                Packet: PacketIndex, Offset: EventOffset, Event: EventIndex, EventName: ev.Class.Name));
            return false;
        }
        return true;
    }

    private void UpdateClock(ulong value, int bits)
    {
        if (bits >= 64)
        {
            _clock = value;
        }
        else
        {
            ulong mask = (1UL << bits) - 1;
            ulong low = _clock & mask;
            if (value < low)
                _clock += 1UL << bits;
            _clock = (_clock & ~mask) | value;
        }
        _clockSet = true;
    }

    /// <summary>True once a timestamp was read from this stream.</summary>
    public bool ClockSet => _clockSet;

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _map?.Dispose();
    }
}
