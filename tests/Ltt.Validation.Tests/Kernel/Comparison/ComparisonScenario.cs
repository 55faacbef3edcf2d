using Ltt.Testing;
using Ltt.Trace.Layout;
using Ltt.Trace.Values;
using Ltt.Validation.Kernel.Comparison;

namespace Ltt.Validation.Tests.Kernel.Comparison;

/// <summary>
/// A crafted pair of traces: the hits our recorder wrote (CTF) and the hits ftrace wrote
/// (pages), both from lists a test edits to make one side differ, written into a temporary
/// folder and compared. Two tracepoints: sample (value int, tag char[8], text string) and tick (n int).
/// </summary>
internal sealed class ComparisonScenario : IDisposable
{
    private readonly TempDir _dir = new();

    /// <summary>One hit: on which CPU, when, which tracepoint, its values; the context flags only ftrace records.</summary>
    public sealed record H(int Cpu, ulong Time, string Event, int Value, string Tag = "t", string Text = "hi", byte Flags = 0);

    public static EventCatalog Catalog { get; } = new("x86_64", 8, ByteOrder.LittleEndian,
    [
        new EventLayout(1, "sample", "kernel", [FieldLayout.Integer("value", 4, true), FieldLayout.String("tag"), FieldLayout.String("text")]),
        new EventLayout(2, "tick", "kernel", [FieldLayout.Integer("n", 4, true)]),
    ]);

    /// <summary>The same workload on both sides: on each CPU, ticks and samples 1 µs apart, one in hardirq context.</summary>
    public static List<H> Workload()
    {
        var hits = new List<H>();
        for (int cpu = 0; cpu < 2; cpu++)
        {
            for (int i = 0; i < 40; i++)
            {
                ulong time = 1_000_000 + (ulong)i * 1000 + (ulong)cpu * 300;
                hits.Add(i % 3 == 0
                    ? new H(cpu, time, "tick", i, Flags: (byte)(i % 9 == 0 ? 0x08 : 0))
                    : new H(cpu, time, "sample", cpu * 1000 + i, "tag" + i, "text " + i));
            }
        }
        return hits;
    }

    public List<H> Ours { get; } = Workload();

    public List<H> Ftrace { get; } = Workload();

    /// <summary>Running lost counts per CPU, per packet of ours: a new packet starts at each listed hit index.</summary>
    public Dictionary<int, List<(int AtHit, ulong Discarded)>> OurPackets { get; } = [];

    /// <summary>Lost events flagged on ftrace's pages: a new page starts at the hit index, with that missed count.</summary>
    public Dictionary<int, List<(int AtHit, long Missed)>> FtracePages { get; } = [];

    public List<NotRecordedField> NotRecorded { get; } = [];

    /// <summary>ftrace's format file of the tick; a test may damage it.</summary>
    public string TickFormat { get; set; } = FtracePageBuilder.TickFormat;

    public EventCatalog OurCatalog { get; set; } = Catalog;

    /// <summary>The events.json the comparison is given; by default the one our trace was written with.</summary>
    public EventCatalog? EventsJson { get; set; }

    public ComparisonResult Compare(ComparisonOptions? options = null)
    {
        string ctf = Path.Combine(_dir.Path, "ctf"), ftrace = Path.Combine(_dir.Path, "ftrace"), json = Path.Combine(_dir.Path, "events.json");
        File.WriteAllText(json, EventCatalogJson.Write(EventsJson ?? OurCatalog));
        var builder = new CtfTraceBuilder(OurCatalog);
        foreach (var group in Ours.GroupBy(h => h.Cpu))
        {
            var packets = OurPackets.GetValueOrDefault(group.Key) ?? [];
            int index = 0;
            builder.Packet(group.Key);
            foreach (var h in group)
            {
                foreach (var p in packets.Where(p => p.AtHit == index))
                    builder.Packet(group.Key, p.Discarded);
                var layout = OurCatalog.Events.Single(e => e.Name == h.Event);
                var values = layout.Fields.Select(f => f.Name switch
                {
                    "tag" => FieldValue.String(h.Tag),
                    "text" => FieldValue.String(h.Text),
                    _ => FieldValue.Signed(h.Value),
                }).ToArray();
                builder.Event(h.Cpu, h.Time, h.Event, values);
                index++;
            }
        }
        builder.WriteTo(ctf);
        foreach (var group in Ftrace.GroupBy(h => h.Cpu))
        {
            var pages = new FtracePageBuilder();
            var breaks = FtracePages.GetValueOrDefault(group.Key) ?? [];
            ulong previous = 0;
            int index = 0;
            bool open = false;
            long missed = 0;
            void Close()
            {
                // The missed count goes after the data of the first page read after the loss.
                if (open && missed != 0)
                    pages.StoreMissed(missed).Commit(flags: (1UL << 31) | (1UL << 30));
            }
            foreach (var h in group)
            {
                var newPage = breaks.FirstOrDefault(b => b.AtHit == index);
                if (!open || newPage != default || pages.Position > 3900)
                {
                    Close();
                    pages.Page(h.Time);
                    open = true;
                    missed = newPage.Missed;
                    previous = h.Time;
                }
                uint delta = (uint)(h.Time - previous);
                if (h.Event == "tick")
                    pages.Tick(delta, h.Value, h.Flags);
                else
                    pages.Event(delta, h.Value, h.Tag, h.Text, flags: h.Flags);
                previous = h.Time;
                index++;
            }
            Close();
            pages.WriteTo(ftrace, cpu: group.Key, moreFormats: TickFormat);
        }
        return KernelTraceComparison.Compare(new ComparisonInput(ctf, json, ftrace, NotRecorded, options ?? new ComparisonOptions()));
    }

    public void Dispose() => _dir.Dispose();
}
