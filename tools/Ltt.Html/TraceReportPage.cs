using System.Globalization;
using Ltt.Trace.Reader.Profile;

namespace Ltt.Html;

/// <summary>
/// The HTML trace report (<c>ltt-trace report</c>): a timeline row per CPU (events per second over
/// the trace's span, red lines where events were discarded, orange where packets were lost), events
/// per class as a bar chart and a table, the streams' packets, bytes and spans, and the trace's
/// environment and clocks. Everything comes from one <see cref="TraceProfile"/>; the page's size
/// depends on the number of CPUs, streams and event classes, not on the number of events.
/// </summary>
public static class TraceReportPage
{
    /// <summary>Event classes drawn in the bar chart at most (the table lists all).</summary>
    private const int ChartClasses = 40;

    public static string Render(TraceProfile profile, string title)
    {
        var c = CultureInfo.InvariantCulture;
        var page = new HtmlPage("Trace report: " + title);
        double duration = profile.DurationSeconds;
        page.Paragraph(string.Create(c,
            $"{profile.Events:N0} events in {profile.Streams.Count} stream(s) over {duration:F6} s; {profile.Discarded:N0} events discarded, {profile.LostPackets:N0} packets lost; read in {profile.Elapsed.TotalSeconds:F3} s."),
            "note");
        page.Table(["events", "event classes", "streams", "discarded events", "lost packets", "first event", "last event", "duration (s)"],
            [[profile.Events, profile.PerEventClass.Count, profile.Streams.Count, profile.Discarded, profile.LostPackets,
              Time(profile.FirstNs), Time(profile.LastNs), duration]], id: "summary");

        Timeline(page, profile);
        EventClasses(page, profile, duration);
        Streams(page, profile);
        Metadata(page, profile);
        if (profile.Diagnostics.Count > 0)
        {
            page.Heading("Problems found while reading");
            page.Table(["where and what"], profile.Diagnostics.Select(d => (IReadOnlyList<object?>)[d.ToString()]), id: "diagnostics");
        }
        return page.Render();
    }

    private static void Timeline(HtmlPage page, TraceProfile profile)
    {
        page.Heading("Timeline: events per second, per CPU");
        if (profile.FirstNs is not { } first || profile.LastNs is not { } last)
        {
            page.Paragraph("The trace's events carry no time: there is no timeline.", "note");
            return;
        }
        double binSeconds = profile.BinNs / 1e9;
        double span = Math.Max((last - first) / 1e9, binSeconds);
        page.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Seconds from the first event ({TraceTime.Format(first)}), {profile.BinCount} bins of {binSeconds * 1e3:G4} ms; red lines mark packets that report discarded events, orange lines packets that follow lost ones."),
            "note");
        foreach (var row in profile.Rows)
        {
            double[] rates = [.. row.Bins.Select(n => n / binSeconds)];
            var losses = profile.Losses.Where(l => l.Row == row.Label).ToList();
            string svg = Charts.Timeline(rates, binSeconds, span,
                [.. losses.Select(l => ((l.TimeNs - first) / 1e9, l.Kind == LossKind.DiscardedEvents))]);
            page.Svg(svg, "timeline-row row",
            [
                new("data-cpu", row.Cpu?.ToString(CultureInfo.InvariantCulture) ?? ""),
                new("data-events", row.Events.ToString(CultureInfo.InvariantCulture)),
                new("data-losses", losses.Count.ToString(CultureInfo.InvariantCulture)),
            ], label: row.Label);
        }
        if (profile.Losses.Count > 0)
        {
            page.Table(["time", "row", "what", "count"],
                profile.Losses.Select(l => (IReadOnlyList<object?>)[TraceTime.Format(l.TimeNs), l.Row,
                    l.Kind == LossKind.DiscardedEvents ? "events discarded" : "packets lost", l.Count]),
                id: "losses");
        }
    }

    private static void EventClasses(HtmlPage page, TraceProfile profile, double duration)
    {
        page.Heading("Events per class");
        var classes = profile.PerEventClass;
        if (classes.Count > 0)
        {
            var shown = classes.Take(ChartClasses).Select(p => (p.Name, (double)p.Count)).ToList();
            page.Svg(Charts.Bars(shown, "events"), "class-bars");
            if (classes.Count > ChartClasses)
                page.Paragraph($"The chart shows the {ChartClasses} largest of {classes.Count} classes; the table lists them all.", "note");
        }
        page.Table(["event class", "events", "events/s", "share (%)"],
            classes.Select(p => (IReadOnlyList<object?>)[p.Name, p.Count, duration > 0 ? p.Count / duration : null, profile.Events > 0 ? 100.0 * p.Count / profile.Events : 0.0]),
            id: "event-classes");
    }

    private static void Streams(HtmlPage page, TraceProfile profile)
    {
        page.Heading("Streams");
        page.Table(["stream", "CPU", "events", "packets", "bytes", "first event", "last event", "discarded events", "lost packets"],
            profile.Streams.Select(s => (IReadOnlyList<object?>)
                [s.File, s.Cpu, s.Events, s.Packets, s.Bytes, Time(s.FirstNs), Time(s.LastNs), s.Discarded, s.LostPackets]),
            id: "streams");
    }

    private static void Metadata(HtmlPage page, TraceProfile profile)
    {
        page.Heading("Environment");
        page.Table(["key", "value"],
            profile.Traces.SelectMany(t => t.Environment).Select(e => (IReadOnlyList<object?>)[e.Key, Convert.ToString(e.Value, CultureInfo.InvariantCulture)]),
            id: "environment");
        page.Heading("Clocks");
        page.Table(["name", "frequency (Hz)", "offset (s)", "offset (cycles)", "precision (cycles)", "absolute", "uuid", "description"],
            profile.Traces.SelectMany(t => t.Clocks).Select(k => (IReadOnlyList<object?>)
                [k.Name, k.Frequency, k.OffsetSeconds, k.OffsetCycles, k.Precision, k.Absolute ? "yes" : "no", k.Uuid, k.Description]),
            id: "clocks");
    }

    private static string? Time(long? ns) => ns is { } value ? TraceTime.Format(value) : null;
}
