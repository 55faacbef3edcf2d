using System.Buffers.Binary;

namespace Ltt.Testing;

/// <summary>
/// Writes ftrace ring-buffer pages by hand for the cases a recording cannot make on demand
/// (damage, a missed count with no room to store it, timestamps with their top bits set), and
/// the tracefs copy around them: header_page, format files, per_cpu/cpuN/trace_pipe_raw. The
/// sample event (id 42) has an int, a char[8] and a __data_loc string; tick (id 43) one int.
/// </summary>
public sealed class FtracePageBuilder
{
    public const int PageSize = 4096;
    public const int DataOffset = 16;
    public const int EventId = 42;
    public const int TickId = 43;

    public const string HeaderPage =
        "\tfield: u64 timestamp;\toffset:0;\tsize:8;\tsigned:0;\n" +
        "\tfield: local_t commit;\toffset:8;\tsize:8;\tsigned:1;\n" +
        "\tfield: int overwrite;\toffset:8;\tsize:1;\tsigned:1;\n" +
        "\tfield: char data;\toffset:16;\tsize:4080;\tsigned:0;\n";

    /// <summary>A test event: an int, a char[8] and a __data_loc string.</summary>
    public const string Format =
        "name: sample\nID: 42\nformat:\n" +
        "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n" +
        "\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n" +
        "\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n" +
        "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n" +
        "\tfield:int value;\toffset:8;\tsize:4;\tsigned:1;\n" +
        "\tfield:char tag[8];\toffset:12;\tsize:8;\tsigned:1;\n" +
        "\tfield:__data_loc char[] text;\toffset:20;\tsize:4;\tsigned:1;\n\n" +
        "print fmt: \"value=%d tag=%s text=%s\", REC->value, REC->tag, __get_str(text)\n";

    public const string TickFormat =
        "name: tick\nID: 43\nformat:\n" +
        "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n" +
        "\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n" +
        "\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n" +
        "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n" +
        "\tfield:int n;\toffset:8;\tsize:4;\tsigned:1;\n\n" +
        "print fmt: \"n=%d\", REC->n\n";

    private readonly List<byte[]> _pages = [];
    private byte[] _page = new byte[PageSize];
    private int _pos = DataOffset;

    public FtracePageBuilder Page(ulong timestamp)
    {
        _page = new byte[PageSize];
        _pages.Add(_page);
        _pos = DataOffset;
        BinaryPrimitives.WriteUInt64LittleEndian(_page, timestamp);
        return Commit();
    }

    /// <summary>Sets the commit word to the data written so far, plus <paramref name="flags"/> (bits 31, 30).</summary>
    public FtracePageBuilder Commit(ulong flags = 0, int? size = null)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_page.AsSpan(8), (uint)(size ?? _pos - DataOffset) | flags);
        return this;
    }

    /// <summary>A sample event: small (type_len = words) unless <paramref name="large"/> (type_len 0 and a length word).</summary>
    public FtracePageBuilder Event(uint delta, int value, string tag = "t", string text = "hello", int pid = 7, bool large = false, byte flags = 0) =>
        Entry(delta, Record(value, tag, text, pid, flags), large);

    /// <summary>A tick event; <paramref name="flags"/> is common_flags (0x08 hardirq, 0x10 softirq, 0x40 NMI).</summary>
    public FtracePageBuilder Tick(uint delta, int n, byte flags = 0, int pid = 7)
    {
        var r = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(r, TickId);
        r[2] = flags;
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(4), pid);
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(8), n);
        return Entry(delta, r, large: false);
    }

    /// <summary>An event entry holding <paramref name="record"/> (a multiple of 4 bytes).</summary>
    public FtracePageBuilder Entry(uint delta, byte[] record, bool large)
    {
        if (large)
        {
            Header(0, delta);
            Word((uint)record.Length + 4);
        }
        else
        {
            Header(record.Length / 4, delta);
        }
        record.CopyTo(_page, _pos);
        _pos += record.Length;
        return Commit();
    }

    public FtracePageBuilder TimeExtend(ulong delta) => Header(30, (uint)(delta & ((1 << 27) - 1))).Word((uint)(delta >> 27)).Commit();

    public FtracePageBuilder TimeStamp(ulong absolute) => Header(31, (uint)(absolute & ((1 << 27) - 1))).Word((uint)(absolute >> 27)).Commit();

    /// <summary>A discarded entry of <paramref name="bytes"/> bytes in all (header included).</summary>
    public FtracePageBuilder Padding(int bytes, uint delta = 1)
    {
        Header(29, delta).Word((uint)bytes - 4);
        _pos += bytes - 8;
        return Commit();
    }

    /// <summary>Raw bytes at the current position (damage), counted in the commit.</summary>
    public FtracePageBuilder Raw(params uint[] words)
    {
        foreach (uint w in words)
            Word(w);
        return Commit();
    }

    public FtracePageBuilder StoreMissed(long count)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_page.AsSpan(_pos), count);
        return this;
    }

    public int Position => _pos;

    public static byte[] Record(int value, string tag, string text, int pid, byte flags = 0)
    {
        int textOffset = 24;
        int length = (textOffset + text.Length + 1 + 3) & ~3;
        var r = new byte[length];
        BinaryPrimitives.WriteUInt16LittleEndian(r, EventId);
        r[2] = flags;
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(4), pid);
        BinaryPrimitives.WriteInt32LittleEndian(r.AsSpan(8), value);
        System.Text.Encoding.ASCII.GetBytes(tag).CopyTo(r, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(r.AsSpan(20), (uint)textOffset | ((uint)(text.Length + 1) << 16));
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(r, textOffset);
        return r;
    }

    private FtracePageBuilder Header(int typeLen, uint delta) => Word((uint)typeLen | (delta << 5));

    private FtracePageBuilder Word(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_page.AsSpan(_pos), value);
        _pos += 4;
        return this;
    }

    /// <summary>
    /// Writes the tracefs copy into <paramref name="directory"/> and returns it: these pages as
    /// CPU <paramref name="cpu"/>'s, header_page, and the format files (system "test", the
    /// sample's by default).
    /// </summary>
    public string WriteTo(string directory, byte[]? tail = null, string format = Format, int cpu = 0, params string[] moreFormats)
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(directory, "events")).FullName, "header_page"), HeaderPage);
        foreach (string text in moreFormats.Prepend(format))
        {
            string name = text.Split('\n')[0]["name: ".Length..];
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(directory, "events", "test", name)).FullName, "format"), text);
        }
        Directory.CreateDirectory(Path.Combine(directory, "per_cpu", $"cpu{cpu}"));
        using var pages = File.Create(Path.Combine(directory, "per_cpu", $"cpu{cpu}", "trace_pipe_raw"));
        foreach (var page in _pages)
            pages.Write(page);
        if (tail is not null)
            pages.Write(tail);
        return directory;
    }
}
