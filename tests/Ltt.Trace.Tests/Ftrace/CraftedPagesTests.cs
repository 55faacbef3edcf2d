using Ltt.Testing;
using Ltt.Trace.Ftrace;

namespace Ltt.Trace.Tests.Ftrace;

/// <summary>
/// The page reader on hand-written pages: the entry kinds and their timestamp arithmetic, lost
/// events with and without a stored count, and damage, which must be reported with the file and
/// byte offset and never stop the pages after it from being read.
/// </summary>
public sealed class CraftedPagesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ltt-ftrace-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<(ulong Time, int Value, string? Text)> ReadAll(FtraceRecord record, out FtracePageCursor cursor)
    {
        var list = new List<(ulong, int, string?)>();
        cursor = record.OpenCursor(record.Cpus[0]);
        while (cursor.MoveNext())
        {
            var format = cursor.Format;
            list.Add((cursor.Timestamp, format is null ? -1 : (int)cursor.ReadInteger(format.Find("value")!), format is null ? null : cursor.ReadField(format.Find("text")!).Text));
        }
        cursor.Dispose();
        return list;
    }

    private FtraceRecord Open(FtracePageBuilder pages, byte[]? tail = null)
    {
        var opened = FtraceRecord.Open(pages.WriteTo(_dir, tail));
        Assert.Empty(opened.Diagnostics);
        return opened.Record!;
    }

    [Fact]
    public void SmallAndLargeEventsDecodeTheirFields()
    {
        var record = Open(new FtracePageBuilder().Page(1000).Event(5, -3, "abc", "first").Event(2, 70000, "12345678", "second", pid: 99, large: true));
        using var cursor = record.OpenCursor(record.Cpus[0]);
        Assert.True(cursor.MoveNext());
        Assert.Equal("sample", cursor.Format!.Name);
        Assert.Equal("test", cursor.Format.System);
        Assert.Equal(
            ["value = -3", "tag = \"abc\"", "text = \"first\""],
            cursor.ReadPayload().Select(f => $"{f.Name} = {f.Value}"));
        Assert.True(cursor.MoveNext());
        Assert.Equal(99, cursor.ReadInteger(cursor.Format!.Find("common_pid")!));
        // A char array without a NUL is the whole array.
        Assert.Equal(
            ["value = 70000", "tag = \"12345678\"", "text = \"second\""],
            cursor.ReadPayload().Select(f => $"{f.Name} = {f.Value}"));
        Assert.False(cursor.MoveNext());
        Assert.Empty(cursor.Diagnostics);
    }

    [Fact]
    public void TimeEntriesMoveTheClockAndPaddingDoesNot()
    {
        var pages = new FtracePageBuilder().Page(1000)
            .Event(5, 1)
            .TimeExtend(1UL << 30).Event(3, 2)
            .Padding(16, delta: 1).Padding(24, delta: 77) // the kernel's readers skip a padding's delta
            .Event(4, 3)
            .TimeStamp(5_000_000_000).Event(0, 4);
        var events = ReadAll(Open(pages), out var cursor);
        Assert.Equal([1005UL, 1005 + (1UL << 30) + 3, 1005 + (1UL << 30) + 7, 5_000_000_000], events.Select(e => e.Time));
        Assert.Equal([1, 2, 3, 4], events.Select(e => e.Value));
        Assert.Equal((1, 1, 2), (cursor.TimeExtends, cursor.TimeStamps, cursor.Paddings));
    }

    [Fact]
    public void AbsoluteTimestampsTakeTheirTopBitsFromTheCurrentTime()
    {
        const ulong top = 0xf8UL << 56;
        ulong nearWrap = (1UL << 60) - 10; // bit 59 set, low bits about to carry into bit 60
        var pages = new FtracePageBuilder()
            .Page(top | 100).TimeStamp(200).Event(0, 1)
            .Page(nearWrap).TimeStamp(5).Event(0, 2);
        var events = ReadAll(Open(pages), out _);
        Assert.Equal(top | 200, events[0].Time);
        Assert.Equal((1UL << 60) + 5, events[1].Time);
    }

    [Fact]
    public void LostEventsAreCountedPerPage()
    {
        var pages = new FtracePageBuilder()
            .Page(10).Event(1, 1)
            .Page(20).Event(1, 2);
        pages.StoreMissed(12).Commit(flags: (1UL << 31) | (1UL << 30));
        pages.Page(30).Event(1, 3).Commit(flags: 1UL << 31);
        var record = Open(pages);
        using var cursor = record.OpenCursor(record.Cpus[0]);
        var lost = new List<long>();
        cursor.PageStarted = c => lost.Add(c.LostBeforePage);
        while (cursor.MoveNext())
        {
        }
        Assert.Equal([0L, 12, -1], lost);
        Assert.Equal(12, cursor.LostEvents);
        Assert.Equal(1, cursor.PagesWithUnknownLoss);
        Assert.Equal(3, cursor.Events);
    }

    [Fact]
    public void EmptyPaddingEndsThePage()
    {
        // A padding with delta 0 marks the rest of the page unused, even inside the commit.
        var pages = new FtracePageBuilder().Page(10).Event(1, 1).Raw(29, 0).Event(1, 99).Page(50).Event(1, 2);
        var events = ReadAll(Open(pages), out var cursor);
        Assert.Equal([1, 2], events.Select(e => e.Value));
        Assert.Empty(cursor.Diagnostics);
    }

    [Fact]
    public void DamageIsReportedWithFileAndOffsetAndLaterPagesAreStillRead()
    {
        var pages = new FtracePageBuilder()
            .Page(10).Event(1, 1).Commit(size: 5000)                    // commit past the page
            .Page(20).Event(1, 2).Raw(0, 4000)                          // length word past the commit
            .Page(30).Event(1, 3).Raw(30)                               // time extend cut short
            .Page(40).Event(1, 4);
        var record = Open(pages, tail: new byte[100]);
        var events = ReadAll(record, out var cursor);
        Assert.Equal([2, 3, 4], events.Select(e => e.Value));
        var messages = cursor.Diagnostics.Select(d => d.ToString()).ToList();
        int afterEvent = 16 + 4 + FtracePageBuilder.Record(0, "t", "hello", 7).Length;
        Assert.Equal(4, messages.Count);
        Assert.Contains("per_cpu/cpu0/trace_pipe_raw: packet 4, offset 16384 (0x4000): page-size:", messages[0]);
        Assert.Contains("per_cpu/cpu0/trace_pipe_raw: packet 0, offset 8 (0x8): commit: commit says 5000 bytes", messages[1]);
        Assert.Contains($"packet 1, offset {4096 + afterEvent} ", messages[2]);
        Assert.Contains("event-length", messages[2]);
        Assert.Contains($"packet 2, offset {8192 + afterEvent} ", messages[3]);
        Assert.Contains("time extend cut", messages[3]);
    }

    [Fact]
    public void UnknownIdsAndBadLocatorsAreReportedOnceAndKeptInOrder()
    {
        var pages = new FtracePageBuilder().Page(10).Event(1, 1).Event(1, 2).Event(1, 3);
        string dir = pages.WriteTo(_dir);
        // Make the second event another id, and point the third one's string outside its record.
        string file = Path.Combine(dir, "per_cpu", "cpu0", "trace_pipe_raw");
        var bytes = File.ReadAllBytes(file);
        int record = FtracePageBuilder.Record(0, "t", "hello", 7).Length + 4;
        bytes[16 + record + 4] = 43;
        bytes[16 + 2 * record + 4 + 20 + 1] = 0x40;
        File.WriteAllBytes(file, bytes);
        var opened = FtraceRecord.Open(dir);
        var events = ReadAll(opened.Record!, out var cursor);
        Assert.Equal([1, -1, -1], events.Select(e => e.Value));
        Assert.Collection(cursor.Diagnostics,
            d => Assert.Equal(("event-id", 16 + record), (d.Check, d.Offset)),
            d => Assert.Equal(("record", 16 + 2 * record), (d.Check, d.Offset)));
        Assert.Contains("sample.text points outside", cursor.Diagnostics[1].Message);
    }

    [Fact]
    public void MalformedTextFilesNameTheFileAndLine()
    {
        string bad = FtracePageBuilder.Format.Replace("offset:8;", "offset:eight;");
        new FtracePageBuilder().Page(1).WriteTo(_dir, format: bad);
        var opened = FtraceRecord.Open(_dir);
        Assert.False(opened.HasErrors);
        var unreadable = Assert.Single(opened.Record!.UnreadableFormats);
        Assert.Equal(("test", "sample", 42), (unreadable.System, unreadable.Name, unreadable.Id));
        Assert.Equal("events/test/sample/format:9: format: offset 'eight' is not a number", Assert.Single(unreadable.Diagnostics).ToString());

        File.WriteAllText(Path.Combine(_dir, "events", "test", "sample", "format"), FtracePageBuilder.Format.Replace("ID: 42\n", ""));
        unreadable = Assert.Single(FtraceRecord.Open(_dir).Record!.UnreadableFormats);
        Assert.Null(unreadable.Id);
        Assert.Equal("events/test/sample/format:1: format: no 'ID:' line", Assert.Single(unreadable.Diagnostics).ToString());

        File.WriteAllText(Path.Combine(_dir, "events", "header_page"), FtracePageBuilder.HeaderPage.Replace("commit", "comet"));
        Assert.Equal("events/header_page:1: header-page: no 'commit' field: not a ring-buffer header_page", Assert.Single(FtraceRecord.Open(_dir).Diagnostics).ToString());

        Assert.Equal("/nonexistent: open: no such directory", Assert.Single(FtraceRecord.Open("/nonexistent").Diagnostics).ToString());
    }

    [Fact]
    public void AFormatThatDoesNotParseCostsOnlyItsEvent()
    {
        // The tick's format is damaged: its records are stepped over without a diagnostic of
        // their own (the record reported the format), the sample's still read.
        string badTick = FtracePageBuilder.TickFormat.Replace("size:4;\tsigned:1;\n\nprint", "size:four;\tsigned:1;\n\nprint");
        Assert.NotEqual(FtracePageBuilder.TickFormat, badTick);
        var pages = new FtracePageBuilder().Page(100).Event(1, 1).Tick(1, 9).Event(1, 2);
        var opened = FtraceRecord.Open(pages.WriteTo(_dir, moreFormats: badTick));
        Assert.Empty(opened.Diagnostics);
        var record = opened.Record!;
        Assert.Equal(["sample"], record.Events.Select(e => e.Name));
        Assert.Equal("tick", Assert.Single(record.UnreadableFormats).Name);
        Assert.Null(record.FindByName("tick"));
        Assert.NotNull(record.FindUnreadable("tick"));
        var events = ReadAll(record, out var cursor);
        Assert.Equal([1, -1, 2], events.Select(e => e.Value));
        Assert.Empty(cursor.Diagnostics);
    }
}
