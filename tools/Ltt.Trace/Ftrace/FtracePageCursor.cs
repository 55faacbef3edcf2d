using System.Buffers.Binary;
using Ltt.Trace.Reader;
using Ltt.Trace.Values;
using Microsoft.Win32.SafeHandles;

namespace Ltt.Trace.Ftrace;

/// <summary>
/// Walks one CPU's copy of <c>per_cpu/cpuN/trace_pipe_raw</c> (whole ring-buffer pages, one after
/// the other) event by event, the way the kernel's own consuming reader does
/// (<c>kernel/trace/ring_buffer.c</c>: <c>rb_update_read_stamp</c>, <c>ring_buffer_read_page</c>).
/// <para>
/// Each page starts with its timestamp and commit word; event headers are 32 bits,
/// <c>type_len:5</c> (low bits) and <c>time_delta:27</c>. <c>type_len</c> 1..28 is a record of that
/// many 32-bit words; 0 a record whose byte length (plus 4) is in the next word; 29 padding
/// (time_delta 0: the rest of the page is unused; otherwise a discarded record whose length is in the
/// next word, and whose delta the kernel's readers do not add); 30 a time extend (next word holds bits
/// 27..58 of a delta); 31 an absolute timestamp (the same split, its top 5 bits taken from the current
/// time, as <c>rb_fix_abs_ts</c> does). The commit word's bit 31 says events were lost before the page,
/// bit 30 that their count is stored as a long right after the data.
/// </para>
/// One page buffer is reused: nothing is allocated per event, and memory does not grow with the file.
/// A damaged page is reported in <see cref="Diagnostics"/> with its byte offset and skipped from the
/// damage on; the next page is read as usual (pages have a fixed size, so framing survives).
/// </summary>
public sealed class FtracePageCursor : IDisposable
{
    private const int TypePadding = 29;
    private const int TypeTimeExtend = 30;
    private const int TypeTimeStamp = 31;
    private const ulong MissedEvents = 1UL << 31;
    private const ulong MissedStored = 1UL << 30;
    private const ulong CommitMask = (1UL << 27) - 1;
    private const ulong TimestampMsb = 0xf8UL << 56;

    private readonly FtracePageHeader _header;
    private readonly FtraceEventFormat?[] _formats;
    private readonly HashSet<int> _unknownReported = [];
    private readonly IReadOnlySet<int> _unreadable;
    private readonly SafeFileHandle? _file;
    private readonly long _length;
    private readonly byte[] _page;
    private long _nextPage;
    private int _pos;
    private int _end;
    private bool _inPage;
    private bool _finished;
    private ulong _time;
    private int _recordStart;
    private int _recordLength;

    internal FtracePageCursor(FtracePageHeader header, FtraceEventFormat?[] formats, IReadOnlySet<int> unreadable, string path, string fileName, int cpu)
    {
        _header = header;
        _formats = formats;
        _unreadable = unreadable;
        FileName = fileName;
        Cpu = cpu;
        _page = new byte[header.PageSize];
        try
        {
            _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            _length = RandomAccess.GetLength(_file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Diagnostics.Add(new TraceDiagnostic("open", fileName, ex.Message));
            _finished = true;
        }
        if (_length % header.PageSize != 0)
        {
            Diagnostics.Add(new TraceDiagnostic("page-size", fileName,
                $"the file is {_length} bytes, not a whole number of {header.PageSize}-byte pages: the last {_length % header.PageSize} bytes are a partial page and are not read",
                Packet: _length / header.PageSize, Offset: _length - _length % header.PageSize));
        }
    }

    /// <summary>The pages file, as named in diagnostics.</summary>
    public string FileName { get; }

    public int Cpu { get; }

    public List<TraceDiagnostic> Diagnostics { get; } = [];

    /// <summary>0-based index of the current page in the file.</summary>
    public long PageIndex { get; private set; } = -1;

    /// <summary>Byte offset of the current page in the file.</summary>
    public long PageOffset { get; private set; }

    /// <summary>The current page's timestamp: the time its first entry's delta counts from.</summary>
    public ulong PageTimestamp { get; private set; }

    /// <summary>
    /// Events the kernel lost right before the current page: 0, a count, or -1 when the page says
    /// events were lost but had no room to store how many.
    /// </summary>
    public long LostBeforePage { get; private set; }

    /// <summary>0-based index of the current event in its page (padding and time entries not counted).</summary>
    public long EventIndex { get; private set; } = -1;

    /// <summary>Byte offset of the current event's header in the file.</summary>
    public long EventOffset { get; private set; }

    /// <summary>Time of the current event in the trace clock's nanoseconds (for <c>mono</c>, since boot).</summary>
    public ulong Timestamp { get; private set; }

    /// <summary>The current event's id (its <c>common_type</c>).</summary>
    public int EventId { get; private set; }

    /// <summary>The current event's format, or null when no format file has its id (reported once per id in <see cref="Diagnostics"/>) or its format did not parse (<see cref="FtraceRecord.UnreadableFormats"/>).</summary>
    public FtraceEventFormat? Format { get; private set; }

    /// <summary>The current event's record: the common fields, then the event's own. Valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Record => _page.AsSpan(_recordStart, _recordLength);

    /// <summary>Events read so far.</summary>
    public long Events { get; private set; }

    /// <summary>Lost events counted by the pages read so far (pages with an unknown count add nothing here).</summary>
    public long LostEvents { get; private set; }

    /// <summary>Pages read so far that flag lost events without a count.</summary>
    public long PagesWithUnknownLoss { get; private set; }

    /// <summary>Entries seen so far that are not events: time extends, absolute timestamps, padding.</summary>
    public long TimeExtends { get; private set; }

    public long TimeStamps { get; private set; }

    public long Paddings { get; private set; }

    /// <summary>Called when a page's header is read, before its first event.</summary>
    public Action<FtracePageCursor>? PageStarted { get; set; }

    /// <summary>Moves to the next event; false at the end of the file (see <see cref="Diagnostics"/> for damage).</summary>
    public bool MoveNext()
    {
        while (!_finished)
        {
            if (!_inPage && !StartPage())
            {
                _finished = true;
                return false;
            }
            if (NextEntry())
                return true;
            _inPage = false;
        }
        return false;
    }

    private bool StartPage()
    {
        if (_file is null || _nextPage + _page.Length > _length)
            return false;
        PageOffset = _nextPage;
        PageIndex++;
        _nextPage += _page.Length;
        EventIndex = -1;
        int read = RandomAccess.Read(_file, _page, PageOffset);
        if (read != _page.Length)
        {
            PageError("truncated", $"read {read} of the page's {_page.Length} bytes", 0);
            return false;
        }
        PageTimestamp = BinaryPrimitives.ReadUInt64LittleEndian(_page.AsSpan(_header.TimestampOffset));
        ulong commit = _header.CommitSize == 8
            ? BinaryPrimitives.ReadUInt64LittleEndian(_page.AsSpan(_header.CommitOffset))
            : BinaryPrimitives.ReadUInt32LittleEndian(_page.AsSpan(_header.CommitOffset));
        long size = (long)(commit & CommitMask);
        _time = PageTimestamp;
        _pos = _header.DataOffset;
        _end = _header.DataOffset;
        _inPage = true;
        LostBeforePage = 0;
        if (size > _header.DataSize)
        {
            PageError("commit", $"commit says {size} bytes of events, more than the page's {_header.DataSize} data bytes", _header.CommitOffset);
            PageStarted?.Invoke(this);
            return true;
        }
        _end = _header.DataOffset + (int)size;
        if ((commit & MissedEvents) != 0)
        {
            if ((commit & MissedStored) != 0 && size + _header.LongSize <= _header.DataSize)
            {
                LostBeforePage = _header.LongSize == 8
                    ? (long)BinaryPrimitives.ReadUInt64LittleEndian(_page.AsSpan(_end))
                    : BinaryPrimitives.ReadUInt32LittleEndian(_page.AsSpan(_end));
                LostEvents += LostBeforePage;
            }
            else
            {
                LostBeforePage = -1;
                PagesWithUnknownLoss++;
            }
        }
        PageStarted?.Invoke(this);
        return true;
    }

    /// <summary>Advances over time and padding entries to the next event of the page; false at the page's end or damage.</summary>
    private bool NextEntry()
    {
        var page = _page.AsSpan();
        while (_pos < _end)
        {
            if (_end - _pos < 4)
                return EntryError("truncated", $"{_end - _pos} bytes left at the end of the page's data, too few for an entry header");
            uint word = BinaryPrimitives.ReadUInt32LittleEndian(page[_pos..]);
            int typeLen = (int)(word & 31);
            ulong delta = word >> 5;
            switch (typeLen)
            {
                case TypePadding:
                    if (delta == 0)
                        return false; // the rest of the page is unused
                    if (!Extra(page, out uint padding) || padding < 4 || padding + 4L > _end - _pos)
                        return EntryError("padding", $"padding entry of {padding} bytes does not fit the {_end - _pos} bytes left");
                    Paddings++;
                    _pos += 4 + (int)padding;
                    continue;
                case TypeTimeExtend:
                    if (!Extra(page, out uint high))
                        return EntryError("truncated", "time extend cut by the end of the page's data");
                    _time += ((ulong)high << 27) | delta;
                    TimeExtends++;
                    _pos += 8;
                    continue;
                case TypeTimeStamp:
                    if (!Extra(page, out uint top))
                        return EntryError("truncated", "absolute timestamp cut by the end of the page's data");
                    _time = FixAbsolute(((ulong)top << 27) | delta, _time);
                    TimeStamps++;
                    _pos += 8;
                    continue;
            }
            int start, length;
            if (typeLen == 0)
            {
                if (!Extra(page, out uint total))
                    return EntryError("truncated", "event length word cut by the end of the page's data");
                if (total < 4 || total + 4L > _end - _pos)
                    return EntryError("event-length", $"event of {total} bytes (with its length word) does not fit the {_end - _pos - 4} bytes left");
                start = _pos + 8;
                length = (int)total - 4;
            }
            else
            {
                start = _pos + 4;
                length = typeLen * 4;
                if (length > _end - start)
                    return EntryError("event-length", $"event of {length} bytes does not fit the {_end - start} bytes left");
            }
            EventOffset = PageOffset + _pos;
            _time += delta;
            _pos = start + length;
            EventIndex++;
            if (Accept(start, length))
                return true;
        }
        return false;
    }

    private bool Accept(int start, int length)
    {
        if (length < 2)
        {
            Diagnostics.Add(new TraceDiagnostic("record", FileName, $"event record of {length} bytes has no common_type", Packet: PageIndex, Offset: EventOffset, Event: EventIndex));
            return false;
        }
        int id = BinaryPrimitives.ReadUInt16LittleEndian(_page.AsSpan(start));
        var format = (uint)id < (uint)_formats.Length ? _formats[id] : null;
        _recordStart = start;
        _recordLength = length;
        EventId = id;
        Format = format;
        Timestamp = _time;
        Events++;
        if (format is null)
        {
            // An id whose format did not parse was reported when the record opened.
            if (!_unreadable.Contains(id) && _unknownReported.Add(id))
                Diagnostics.Add(new TraceDiagnostic("event-id", FileName, $"event id {id} has no format file (first seen here)", Packet: PageIndex, Offset: EventOffset, Event: EventIndex));
            return true;
        }
        if (length < format.MinimumRecordSize)
        {
            Diagnostics.Add(new TraceDiagnostic("record", FileName, $"{format.Name} record is {length} bytes, its format needs {format.MinimumRecordSize}",
                Packet: PageIndex, Offset: EventOffset, Event: EventIndex, EventName: format.Name));
            Format = null;
            return true;
        }
        foreach (var field in format.Fields)
        {
            if (field.Kind is FtraceFieldKind.DynamicArray or FtraceFieldKind.RelativeDynamicArray && !DynamicBounds(field, out _, out _))
            {
                Diagnostics.Add(new TraceDiagnostic("record", FileName, $"{format.Name}.{field.Name} points outside the {length}-byte record",
                    Packet: PageIndex, Offset: EventOffset, Event: EventIndex, EventName: format.Name));
                Format = null;
                return true;
            }
        }
        return true;
    }

    /// <summary>The data of a dynamic array in the current record: its start and byte length, false when it points outside the record.</summary>
    internal bool DynamicBounds(FtraceField field, out int offset, out int length)
    {
        uint locator = BinaryPrimitives.ReadUInt32LittleEndian(Record[field.Offset..]);
        offset = (int)(locator & 0xffff);
        length = (int)(locator >> 16);
        if (field.Kind == FtraceFieldKind.RelativeDynamicArray)
            offset += field.Offset + field.Size;
        return offset + length <= _recordLength;
    }

    private bool Extra(ReadOnlySpan<byte> page, out uint value)
    {
        if (_end - _pos < 8)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadUInt32LittleEndian(page[(_pos + 4)..]);
        return true;
    }

    /// <summary>An absolute timestamp keeps 59 bits; the top 5 come from the current time, carrying over if it wrapped (rb_fix_abs_ts).</summary>
    private static ulong FixAbsolute(ulong absolute, ulong current)
    {
        if ((current & TimestampMsb) == 0)
            return absolute;
        absolute |= current & TimestampMsb;
        return absolute < current ? absolute + (1UL << 59) : absolute;
    }

    private bool EntryError(string check, string message)
    {
        Diagnostics.Add(new TraceDiagnostic(check, FileName, message, Packet: PageIndex, Offset: PageOffset + _pos));
        _pos = _end;
        return false;
    }

    private void PageError(string check, string message, int relative)
    {
        Diagnostics.Add(new TraceDiagnostic(check, FileName, message, Packet: PageIndex, Offset: PageOffset + relative));
        _inPage = false;
    }

    /// <summary>A field of the current event as a value: an integer, text (char arrays, up to the first NUL), or a list of integers.</summary>
    public FieldValue ReadField(FtraceField field) => FtraceValues.Read(this, field);

    /// <summary>The bytes a field occupies in the current record (an array's whole data, a dynamic array's data, a scalar's bytes).</summary>
    public ReadOnlySpan<byte> ReadBytes(FtraceField field) => FtraceValues.Bytes(this, field);

    /// <summary>The current event's own fields (not the common ones) as named values; empty when its format is unknown.</summary>
    public IReadOnlyList<NamedValue> ReadPayload()
    {
        if (Format is null)
            return [];
        var fields = new List<NamedValue>();
        foreach (var field in Format.Fields)
        {
            if (!field.IsCommon)
                fields.Add(new NamedValue(field.Name, ReadField(field)));
        }
        return fields;
    }

    /// <summary>A scalar field of the current record, sign-extended when the field is signed.</summary>
    public long ReadInteger(FtraceField field) => FtraceValues.Integer(Record.Slice(field.Offset, field.Size), field.Signed);

    public void Dispose() => _file?.Dispose();
}
