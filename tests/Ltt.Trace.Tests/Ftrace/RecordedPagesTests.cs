using System.Globalization;
using Ltt.Testing;
using Ltt.Trace.Ftrace;
using Ltt.Trace.Values;

namespace Ltt.Trace.Tests.Ftrace;

/// <summary>
/// The page reader on pages recorded from a real Debian 6.1 kernel under QEMU
/// (tests/data/ftrace/, recorded by its record/ scripts), checked event by event against the
/// kernel's own text of the same buffer: same events per CPU in the same order, same timestamps
/// to the nanosecond, same ids, pids, marker texts, and every field the text shows unchanged.
/// </summary>
public sealed class RecordedPagesTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(RepoPaths.TestData("data", "ftrace")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "events", "header_page")))
                data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    private sealed record Event(int Cpu, ulong Timestamp, int Id, int Pid, FtraceEventFormat? Format, string? Marker, ulong MarkerIp, List<(FtraceField Field, FieldValue Value)> Fields);

    private static (FtraceRecord Record, List<Event> Events, List<FtracePageCursor> Cursors) ReadAll(string name)
    {
        var opened = FtraceRecord.Open(RepoPaths.TestData("data", "ftrace", name));
        Assert.Empty(opened.Diagnostics);
        var record = opened.Record!;
        // The hist trigger of the absolute case switches the clock to its default, global.
        Assert.Equal(name == "absolute" ? "global" : "mono", record.Clock);
        var events = new List<Event>();
        var cursors = new List<FtracePageCursor>();
        foreach (var cpu in record.Cpus)
        {
            using var cursor = record.OpenCursor(cpu);
            while (cursor.MoveNext())
            {
                var format = cursor.Format;
                Assert.NotNull(format);
                int pid = (int)cursor.ReadInteger(format.Find("common_pid")!);
                var fields = format.Fields.Where(f => !f.IsCommon).Select(f => (f, cursor.ReadField(f))).ToList();
                string? marker = format.Name == "print" ? fields.Single(f => f.f.Name == "buf").Item2.Text!.TrimEnd('\n') : null;
                ulong ip = format.Name == "print" ? (ulong)fields.Single(f => f.f.Name == "ip").Item2.Integer : 0;
                events.Add(new Event(cpu.Number, cursor.Timestamp, cursor.EventId, pid, format, marker, ip, fields));
            }
            Assert.Empty(cursor.Diagnostics);
            cursors.Add(cursor);
        }
        return (record, events, cursors);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryEventMatchesTheKernelsRawText(string name)
    {
        var (record, events, _) = ReadAll(name);
        var raw = KernelText.ReadRaw(RepoPaths.TestData("data", "ftrace", name, "trace-raw.txt"));
        Assert.NotEmpty(raw);
        foreach (var cpu in record.Cpus)
        {
            var ours = events.Where(e => e.Cpu == cpu.Number).ToList();
            var theirs = raw.Where(r => r.Cpu == cpu.Number).ToList();
            Assert.Equal(theirs.Count, ours.Count);
            for (int i = 0; i < ours.Count; i++)
            {
                string where = $"{name} cpu{cpu.Number} event {i}";
                Assert.True(theirs[i].Timestamp == ours[i].Timestamp, $"{where}: timestamp {ours[i].Timestamp}, kernel says {theirs[i].Timestamp}");
                Assert.True(theirs[i].Pid == ours[i].Pid, $"{where}: pid {ours[i].Pid}, kernel says {theirs[i].Pid}");
                if (theirs[i].Type is { } type)
                {
                    Assert.True(type == ours[i].Id, $"{where}: id {ours[i].Id}, kernel says {type}");
                }
                else
                {
                    Assert.True(theirs[i].MarkerText == ours[i].Marker, $"{where}: marker '{ours[i].Marker}', kernel says '{theirs[i].MarkerText}'");
                    Assert.Equal(theirs[i].MarkerIp, ours[i].MarkerIp);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FieldsMatchTheKernelsText(string name)
    {
        var (record, events, _) = ReadAll(name);
        var text = KernelText.ReadText(RepoPaths.TestData("data", "ftrace", name, "trace.txt"));
        int compared = 0;
        foreach (var cpu in record.Cpus)
        {
            var ours = events.Where(e => e.Cpu == cpu.Number).ToList();
            var theirs = text.Where(t => t.Cpu == cpu.Number).ToList();
            Assert.Equal(theirs.Count, ours.Count);
            for (int i = 0; i < ours.Count; i++)
            {
                string where = $"{name} cpu{cpu.Number} event {i}";
                var e = ours[i];
                // The kernel prints microseconds rounded to nearest (ns2usecs).
                Assert.True(theirs[i].Microseconds == (e.Timestamp + 500) / 1000, $"{where}: {e.Timestamp} ns, kernel says {theirs[i].Microseconds} us");
                if (e.Marker is not null)
                {
                    Assert.Equal("tracing_mark_write", theirs[i].Event);
                    Assert.Equal(e.Marker, theirs[i].Rest);
                    continue;
                }
                Assert.Equal(e.Format!.Name, theirs[i].Event);
                foreach (var (key, conversion) in KernelText.PlainFields(e.Format.PrintFormat))
                {
                    string? shown = KernelText.ValueOf(theirs[i].Rest, key);
                    var (field, value) = e.Fields.Single(f => f.Field.Name == key);
                    if (shown is null)
                        continue;
                    if (conversion == 's')
                    {
                        Assert.True(value.Kind == ValueKind.Text, $"{where}: {key} is printed with %s but decoded as {value.Kind}");
                        if (!value.Text!.Contains(' '))
                            Assert.True(value.Text == shown, $"{where}: {key} = '{value.Text}', kernel says '{shown}'");
                    }
                    else if (conversion is 'd' or 'i' or 'u' or 'x' or 'X')
                    {
                        var style = conversion is 'x' or 'X' ? NumberStyles.HexNumber : NumberStyles.AllowLeadingSign;
                        Int128 printed = Int128.Parse(shown.StartsWith("0x", StringComparison.Ordinal) ? shown[2..] : shown, style, CultureInfo.InvariantCulture);
                        // The conversion may reinterpret the field's bits (%d of an unsigned int): equal modulo its width.
                        Int128 modulus = (Int128)1 << (8 * field.Size);
                        Assert.True(((printed - value.Integer) % modulus) == 0, $"{where}: {key} = {value.Integer}, kernel says {shown}");
                    }
                    else
                    {
                        continue;
                    }
                    compared++;
                }
            }
        }
        if (name == "basic")
            Assert.True(compared > 1000, $"only {compared} field values compared");
    }

    [Fact]
    public void TimeExtendsCarryGapsLongerThanTheDeltaHolds()
    {
        var (_, events, cursors) = ReadAll("time-extend");
        Assert.True(cursors.Sum(c => c.TimeExtends) >= 3, "expected a time extend before each marker written 0.3 s after the previous one");
        var markers = events.Where(e => e.Marker is not null).OrderBy(e => e.Timestamp).ToList();
        Assert.Equal(4, markers.Count);
        for (int i = 1; i < markers.Count; i++)
            Assert.True(markers[i].Timestamp - markers[i - 1].Timestamp > (1UL << 27), "gap smaller than the 27-bit delta");
    }

    [Fact]
    public void PaddingEndsACopiedPage()
    {
        var (_, events, cursors) = ReadAll("padding");
        Assert.True(cursors[0].Paddings >= 1, "expected the padding entry the fifth large marker left at the end of the first page");
        Assert.Equal(["a", "b", "c", "d", "e"], events.Select(e => e.Marker![..1]));
    }

    [Fact]
    public void AbsoluteTimestampsFollowDiscardedEvents()
    {
        var (_, _, cursors) = ReadAll("absolute");
        Assert.True(cursors.Sum(c => c.TimeStamps) >= 1, "expected TIME_STAMP entries after events the filter discarded");
    }

    [Fact]
    public void OverwrittenEventsAreCountedOnTheFirstPageRead()
    {
        var opened = FtraceRecord.Open(RepoPaths.TestData("data", "ftrace", "lost-overwrite"));
        var record = opened.Record!;
        var cpu0 = record.Cpus[0];
        using var cursor = record.OpenCursor(cpu0);
        var lostPerPage = new List<long>();
        cursor.PageStarted = c => lostPerPage.Add(c.LostBeforePage);
        while (cursor.MoveNext())
        {
        }
        Assert.True(lostPerPage[0] > 0, "first page does not flag the overwritten events");
        Assert.All(lostPerPage.Skip(1), n => Assert.Equal(0, n));
        Assert.Equal(cpu0.Stats!.Overrun, cursor.LostEvents);
        Assert.Equal(600, cursor.Events + cursor.LostEvents);
    }

    [Fact]
    public void DroppedEventsAreOnlyInTheStats()
    {
        var record = FtraceRecord.Open(RepoPaths.TestData("data", "ftrace", "lost-discard")).Record!;
        var cpu0 = record.Cpus[0];
        using var cursor = record.OpenCursor(cpu0);
        while (cursor.MoveNext())
        {
        }
        Assert.Equal(0, cursor.LostEvents);
        Assert.True(cpu0.Stats!.DroppedEvents > 0);
        Assert.Equal(600, cursor.Events + cpu0.Stats.DroppedEvents);
    }
}
