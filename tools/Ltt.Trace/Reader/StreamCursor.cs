using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ltt.Trace.Reader.Decoding;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader;

/// <summary>
/// Walks one stream file packet by packet and event by event, decoding straight from a
/// memory-mapped view with the trace's compiled layouts. Nothing is allocated per event: the
/// current event's values live in reused tapes until the next <see cref="MoveNext"/>.
/// Compact event headers and fixed-size scopes take load-at-offset shortcuts; everything else
/// goes through the op walker, which also reports damage precisely. A damaged event ends its
/// packet; damaged packet framing ends the stream. Both are recorded in <see cref="Diagnostics"/>,
/// never thrown. One cursor is read by one thread at a time; different cursors of a trace can be
/// read on different threads.
/// </summary>
public sealed unsafe partial class StreamCursor : IDisposable
{
    public const uint PacketMagic = 0xC1FC1FC1;

    /// <summary>Bytes of a packet read before its size is known (header and context fit in far less).</summary>
    private const int HeaderWindow = 64 << 10;

    /// <summary>Bytes the window grows to, at most, for a packet header and context that do not fit (only damaged ones do).</summary>
    private const int MaxHeaderWindow = 64 << 20;

    private readonly CompiledTrace _trace;
    private readonly StreamWindow? _window;
    private readonly long _length;
    private readonly FieldReader _reader;
    private readonly ulong[] _regs;

    private long _nextPacketOffset;
    private bool _inPacket;
    private bool _finished;
    private CompiledStream? _stream;
    private CompiledEvent? _event;
    private long _timestampNs;
    private bool _timestampValid;
    private long _eventStart;

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
        _reader = new FieldReader(trace.RegisterCount);
        _regs = _reader.Registers;
        try
        {
            _window = StreamWindow.Open(path);
            _length = _window.Length;
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

    /// <summary>Size of the stream file in bytes.</summary>
    public long Length => _length;

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
    public long EventOffset => PacketOffset + (_eventStart >> 3);

    public CtfEventClass? EventClass => _event?.Class;

    public bool HasClock => _stream?.Clock is not null;

    /// <summary>The current clock value in cycles, extended to 64 bits.</summary>
    public ulong ClockValue => _reader.Clock;

    /// <summary>Nanoseconds from the clock's origin of the current event, or 0 without a clock.</summary>
    public long TimestampNs
    {
        get
        {
            if (!_timestampValid)
            {
                _timestampNs = _stream is { Clock: not null } stream ? stream.ToNanosecondsFromOrigin(_reader.Clock) : _timestampNs;
                _timestampValid = true;
            }
            return _timestampNs;
        }
    }

    /// <summary>Nanoseconds from the origin of a value of this stream's clock (0 without a clock).</summary>
    internal long NanosecondsFromOrigin(ulong clock) => _stream is { Clock: not null } stream ? stream.ToNanosecondsFromOrigin(clock) : 0;

    /// <summary>Packet context field values, valid from one packet to the next; null when the packet context has no such field.</summary>
    public ulong? PacketSequenceNumber => Meaning(Registers.PacketSeqNum);

    public ulong? EventsDiscarded => Meaning(Registers.EventsDiscarded);

    public ulong? TimestampBegin => Meaning(Registers.TimestampBegin);

    public ulong? TimestampEnd => Meaning(Registers.TimestampEnd);

    public ulong? StreamInstanceId => _trace.PacketHeader.Has(Registers.StreamInstanceId) ? _regs[Registers.StreamInstanceId] : null;

    /// <summary>Called after each packet's header and context are decoded, before its events.</summary>
    public Action<StreamCursor>? PacketStarted { get; set; }

    /// <summary>True once a timestamp was read from this stream.</summary>
    public bool ClockSet => _reader.ClockSet;

    /// <summary>Whether compact headers and fixed-size scopes take their shortcuts (tests turn them off to compare with the op walker).</summary>
    internal bool Shortcuts { get; set; } = true;

    internal CompiledTrace Compiled => _trace;

    internal CompiledStream? Stream => _stream;

    internal CompiledEvent? Event => _event;

    /// <summary>What text tape entries are offsets from: the window's buffer, valid for the current packet.</summary>
    internal byte* Base => _window!.Buffer;

    private ulong? Meaning(int register) => _stream is { } s && s.PacketContext.Has(register) ? _regs[register] : null;

    /// <summary>Moves to the next event; false at the end of the stream (see <see cref="Diagnostics"/> for why it ended early).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            if (_reader.Position >= _reader.Limit)
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
        try
        {
            _window!.Ensure(PacketOffset, HeaderWindow);
            if (!ReadPacketHeaderAndContext(out long packetBits, out long contentBits))
                return false;
            // The whole packet in the window; when that moved the window, decode its header and context again from there.
            if (_window.Ensure(PacketOffset, packetBits / 8) && !ReadPacketHeaderAndContext(out packetBits, out contentBits))
                return false;
            PacketSizeBits = packetBits;
            ContentSizeBits = contentBits;
        }
        catch (IOException ex)
        {
            return PacketError("stream", ex.Message, 0);
        }
        _reader.Limit = ContentSizeBits;
        _nextPacketOffset = PacketOffset + PacketSizeBits / 8;
        _inPacket = true;
        PacketStarted?.Invoke(this);
        return true;
    }

    /// <summary>Decodes the current packet's header and context from the window and checks its framing; the sizes come out in bits.</summary>
    private bool ReadPacketHeaderAndContext(out long packetBits, out long contentBits)
    {
        packetBits = contentBits = 0;
        var window = _window!;
        // Header and context must not be cut by the window's end where the file goes on: grow the window (up to a
        // bound no real header comes near) until they decode or the window holds the rest of the file.
        while (window.End < _length && window.End - PacketOffset < MaxHeaderWindow && !TryHeaderAndContext(quiet: true)
            && _reader.Failure.Check == "truncated")
            window.Ensure(PacketOffset, 2 * (window.End - PacketOffset));
        if (!TryHeaderAndContext(quiet: false))
            return false;
        var context = _stream!.PacketContext;
        long available = (_length - PacketOffset) * 8;
        packetBits = context.Has(Registers.PacketSize) ? (long)Math.Min(_regs[Registers.PacketSize], long.MaxValue / 2) : available;
        contentBits = context.Has(Registers.ContentSize) ? (long)Math.Min(_regs[Registers.ContentSize], long.MaxValue / 2) : packetBits;
        if (packetBits == 0 || packetBits % 8 != 0)
            return PacketError("packet-size", $"packet size {packetBits} bits is not a positive whole number of bytes", 0);
        if (packetBits > available)
            return PacketError("packet-size", $"packet size is {packetBits / 8} bytes but only {available / 8} bytes remain in the file (truncated packet)", 0);
        if (contentBits > packetBits)
            return PacketError("content-size", $"content size {contentBits} bits is larger than the packet size {packetBits} bits", 0);
        if (_reader.Position > contentBits)
            return PacketError("content-size", $"packet header and context take {_reader.Position} bits, more than the content size {contentBits} bits", 0);
        return true;
    }

    /// <summary>Decodes the packet header and context at the start of the window; with <paramref name="quiet"/>, only says whether that works.</summary>
    private bool TryHeaderAndContext(bool quiet)
    {
        var window = _window!;
        _reader.Reset(window.Buffer + (PacketOffset - window.Start), PacketOffset - window.Start, (window.End - PacketOffset) * 8, window.End - PacketOffset);
        PacketHeaderTape.Clear();
        PacketContextTape.Clear();
        var header = _trace.PacketHeader;
        if (quiet)
        {
            if (!_reader.Run(header, PacketHeaderTape, "packet header"))
                return false;
            var found = header.Has(Registers.StreamId) ? _trace.FindStream(_regs[Registers.StreamId]) : _trace.Streams.Count == 1 ? _trace.Streams[0] : _trace.FindStream(0);
            return found is null || _reader.Run(found.PacketContext, PacketContextTape, "packet context");
        }
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
        return Run(context, 0, context.Ops.Length, PacketContextTape, "packet context");
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

    // Optimized from the first call: a short run (a small trace, a fresh process) would otherwise
    // spend much of its time in the unoptimized first tier of the per-event path.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadEvent()
    {
        var stream = _stream!;
        long start = _reader.Position;
        EventIndex++;
        _eventStart = start;
        _timestampValid = false;
        return (Shortcuts && stream.HeaderFast is { } fast && TryReadLeanEvent(stream, fast, start)) || ReadEventSlow(stream, start);
    }

    /// <summary>
    /// The common event in one go: a compact header, no contexts, a payload of fixed-size little-endian
    /// fields (or none), all inside the packet. Everything is checked before anything is written, so a
    /// false leaves the cursor as it was for <see cref="ReadEventSlow"/> to decode (and report) the event.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadLeanEvent(CompiledStream stream, EventHeaderFast fast, long pos)
    {
        var reader = _reader;
        long limit = reader.Limit;
        if ((pos & 7) != 0 || fast.AlignBits > 8 || pos + fast.HeaderBits > limit)
            return false;
        byte* p = reader.Origin + (pos >> 3);
        ulong id, timestamp;
        if (fast.IdBits == 5)
        {
            uint word = Unsafe.ReadUnaligned<uint>(p);
            id = word & 31;
            timestamp = word >> 5;
        }
        else
        {
            id = Unsafe.ReadUnaligned<ushort>(p);
            timestamp = Unsafe.ReadUnaligned<uint>(p + 2);
        }
        if (id > fast.CompactMax)
            return false;
        LeanEvent[] table = stream.LeanTable;
        long payloadByte = (pos + fast.HeaderBits) >> 3;
        ulong slot = (id << 3) | (ulong)(payloadByte & 7);
        if (slot >= (ulong)table.Length)
            return false;
        ref readonly LeanEvent lean = ref table[slot];
        var ev = lean.Event;
        long end = pos + fast.HeaderBits + lean.PayloadBits;
        if (ev is null || end > limit || payloadByte + lean.WideEnd > reader.Mapped)
            return false;

        // Nothing below can fail: the tapes the op walker would write, the id register, the clock.
        ulong[] header = HeaderTape.Values;
        header[0] = id;
        header[1] = (ulong)fast.CompactOption;
        header[2] = timestamp;
        HeaderTape.Aux[1] = fast.CompactOption;
        HeaderTape.Count = 3;
        _regs[Registers.EventId] = id;
        reader.UpdateClock(timestamp, fast.TimestampBits);
        StreamContextTape.Count = 0;
        EventContextTape.Count = 0;
        FixedEntry[] entries = lean.Entries;
        var tape = PayloadTape;
        tape.Count = 0;
        ulong[] values = tape.Reserve(entries.Length, out _);
        ref ulong value = ref MemoryMarshal.GetArrayDataReference(values);
        ref FixedEntry e = ref MemoryMarshal.GetArrayDataReference(entries);
        byte* q = reader.Origin + payloadByte;
        for (int k = 0; k < entries.Length; k++)
        {
            ulong raw = Unsafe.ReadUnaligned<ulong>(q + e.Offset) << e.Shift;
            Unsafe.Add(ref value, k) = e.Signed ? (ulong)((long)raw >> e.Shift) : raw >> e.Shift;
            e = ref Unsafe.Add(ref e, 1);
        }
        reader.Position = end;
        // Stored only when it changes: a reference store costs a GC write barrier, and most events repeat the class before them.
        if (!ReferenceEquals(_event, ev))
            _event = ev;
        return true;
    }

    /// <summary>
    /// For a consumer that needs only each event's class and the clock (<c>stats</c>): decodes the lean
    /// events that follow the current one in its packet in one loop, with position and clock kept in
    /// registers, counting them per class index into <paramref name="perClass"/>; stops before the first
    /// event that is not lean (or does not fit), which the next <see cref="MoveNext"/> reads as usual.
    /// Every event is bounds-checked and every payload field loaded and sign-extended as
    /// <see cref="TryReadLeanEvent"/> does; the fields go into <paramref name="fold"/> instead of a tape.
    /// After a run the cursor stands on its last event for the clock, position and class, but the tapes
    /// still hold the event before the run. Returns how many events it read.
    /// <paramref name="stop"/> may end the run earlier (validate: before an event a pass must see,
    /// which <see cref="MoveNext"/> then reads).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal long CountLeanRun<TStop>(long[] perClass, ref ulong fold, TStop stop)
        where TStop : struct, ILeanRunStop
    {
        if (!_inPacket || !Shortcuts || _stream is not { HeaderFast: { } fast } stream || fast.AlignBits > 8 || fast.TimestampBits >= 64)
            return 0;
        var reader = _reader;
        byte* origin = reader.Origin;
        long pos = reader.Position, limit = reader.Limit, mapped = reader.Mapped;
        int headerBits = fast.HeaderBits, timestampBits = fast.TimestampBits;
        bool compact = fast.IdBits == 5;
        ulong compactMax = fast.CompactMax;
        LeanEvent[] table = stream.LeanTable;
        ulong clock = reader.Clock, sum = fold;
        long count = 0, lastStart = pos;
        ulong lastId = 0;
        CompiledEvent? last = null;
        while ((pos & 7) == 0 && pos + headerBits <= limit)
        {
            byte* p = origin + (pos >> 3);
            ulong id, timestamp;
            if (compact)
            {
                uint word = Unsafe.ReadUnaligned<uint>(p);
                id = word & 31;
                timestamp = word >> 5;
            }
            else
            {
                id = Unsafe.ReadUnaligned<ushort>(p);
                timestamp = Unsafe.ReadUnaligned<uint>(p + 2);
            }
            long payloadByte = (pos + headerBits) >> 3;
            ulong slot = (id << 3) | (ulong)(payloadByte & 7);
            if (id > compactMax || slot >= (ulong)table.Length)
                break;
            ref readonly LeanEvent lean = ref table[slot];
            var ev = lean.Event;
            long end = pos + headerBits + lean.PayloadBits;
            if (ev is null || end > limit || payloadByte + lean.WideEnd > mapped)
                break;
            ulong next = Clocks.CompactTimestamp.Rebuild(clock, timestamp, timestampBits);
            if (stop.Before(ev, next))
                break;
            FixedEntry[] entries = lean.Entries;
            byte* q = origin + payloadByte;
            for (int k = 0; k < entries.Length; k++)
            {
                ref FixedEntry e = ref entries[k];
                ulong raw = Unsafe.ReadUnaligned<ulong>(q + e.Offset) << e.Shift;
                sum += e.Signed ? (ulong)((long)raw >> e.Shift) : raw >> e.Shift;
            }
            clock = next;
            perClass[ev.Index]++;
            last = ev;
            lastId = id;
            lastStart = pos;
            pos = end;
            count++;
        }
        if (count == 0)
            return 0;
        reader.Position = pos;
        reader.Clock = clock;
        reader.ClockSet = true;
        _regs[Registers.EventId] = lastId;
        _eventStart = lastStart;
        EventIndex += count;
        _timestampValid = false;
        _event = last!;
        fold = sum;
        return count;
    }

    private bool ReadEventSlow(CompiledStream stream, long start)
    {
        var reader = _reader;
        HeaderTape.Clear();
        ulong id;
        if (Shortcuts && stream.HeaderFast is { } fast && TryReadCompactHeader(fast, out id))
        {
        }
        else
        {
            // No event yet: a damaged header is not blamed on the previous event.
            _event = null;
            _regs[Registers.EventId] = 0;
            var header = stream.EventHeader;
            if (!Run(header, 0, header.Ops.Length, HeaderTape, "event header"))
                return false;
            id = _regs[Registers.EventId];
        }
        var ev = stream.Find(id);
        if (ev is null)
        {
            _event = null;
            Diagnostics.Add(new TraceDiagnostic("event-id", FileName, $"unknown event id {id} in stream class {stream.Class.Id}",
                Packet: PacketIndex, Offset: EventOffset, Event: EventIndex));
            return false;
        }
        if (!ReferenceEquals(_event, ev))
            _event = ev;
        if (!Decode(stream.EventContext, StreamContextTape, "stream event context")
            || !Decode(ev.Context, EventContextTape, "event context")
            || !Decode(ev.Payload, PayloadTape, "event payload"))
            return false;
        if (reader.Position == start)
        {
            Diagnostics.Add(new TraceDiagnostic("event-size", FileName, "event takes no space: the packet cannot be walked",
                Packet: PacketIndex, Offset: EventOffset, Event: EventIndex, EventName: ev.Class.Name));
            return false;
        }
        return true;
    }

    /// <summary>A compact header (id and narrow timestamp) in one or two loads; false to let the op walker decode it (extended header, unaligned, near the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadCompactHeader(EventHeaderFast fast, out ulong id)
    {
        var reader = _reader;
        long pos = FieldReader.Align(reader.Position, fast.AlignBits);
        id = 0;
        if ((pos & 7) != 0 || pos + fast.HeaderBits > reader.Limit)
            return false;
        byte* p = reader.Origin + (pos >> 3);
        ulong timestamp;
        if (fast.IdBits == 5)
        {
            uint word = Unsafe.ReadUnaligned<uint>(p);
            id = word & 31;
            timestamp = word >> 5;
        }
        else
        {
            id = Unsafe.ReadUnaligned<ushort>(p);
            timestamp = Unsafe.ReadUnaligned<uint>(p + 2);
        }
        if (id > fast.CompactMax)
            return false;
        reader.Position = pos + fast.HeaderBits;
        _regs[Registers.EventId] = id;
        reader.UpdateClock(timestamp, fast.TimestampBits);
        // The tape the op walker would write: id, the selected option, the timestamp.
        var tape = HeaderTape;
        ulong[] values = tape.Reserve(3, out int t);
        values[t] = id;
        values[t + 1] = (ulong)fast.CompactOption;
        tape.Aux[t + 1] = fast.CompactOption;
        values[t + 2] = timestamp;
        return true;
    }

    /// <summary>Decodes a whole scope into its tape: by its fixed plan when it has one and fits, else op by op.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Decode(CompiledScope scope, FieldTape tape, string where)
    {
        tape.Clear();
        if (Shortcuts && scope.Fixed is { } plan && _reader.TryRunFixed(plan, tape))
            return true;
        return scope.Ops.Length == 0 || Run(scope, 0, scope.Ops.Length, tape, where);
    }

    public void Dispose() => _window?.Dispose();
}
