using Ltt.Trace.Layout;

namespace Ltt.Trace.Tests.Layout;

public sealed class EventCatalogJsonTests
{
    private static EventCatalog Sample() => new(
        "x86_64",
        8,
        ByteOrder.LittleEndian,
        [
            new EventLayout(
                1,
                "sched_switch",
                "kernel",
                [
                    FieldLayout.Integer("prev_pid", 4, signed: true) with { Offset = 0, CType = "pid_t" },
                    FieldLayout.Integer("prev_state", 2, signed: true) with { Offset = 4, CType = "long" },
                    FieldLayout.String("comm"),
                ],
                Marker: "sched_schedule",
                Format: "prev_pid %d prev_state #2d%ld comm %s",
                Source: "include/trace/sched.h:12"),
        ],
        Generator: "test");

    [Fact]
    public void RoundTripsAndIsDeterministic()
    {
        string first = EventCatalogJson.Write(Sample());
        Assert.True(EventCatalogJson.TryRead(first, "events.json", out var read, out var error), error?.ToString());
        string second = EventCatalogJson.Write(read);

        Assert.Equal(first, second);
        Assert.EndsWith("}\n", first);
        Assert.DoesNotContain("\r", first);
        Assert.Equal(Sample().Events[0].Fields, read.Events[0].Fields);
    }

    [Fact]
    public void NamesTheLineOfABadFile()
    {
        string json = EventCatalogJson.Write(Sample()).Replace("\"kind\": \"integer\"", "\"kind\": \"quaternion\"");

        Assert.False(EventCatalogJson.TryRead(json, "events.json", out _, out var error));
        Assert.Equal("events.json", error.File);
        int expectedLine = json.Split('\n').ToList().FindIndex(l => l.Contains("quaternion")) + 1;
        Assert.Equal(expectedLine, error.Line);
    }

    [Fact]
    public void RejectsUnknownProperties()
    {
        string json = EventCatalogJson.Write(Sample()).Replace("\"arch\":", "\"archh\": 1,\n  \"arch\":");
        Assert.False(EventCatalogJson.TryRead(json, "events.json", out _, out _));
    }
}
