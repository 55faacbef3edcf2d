using ScottPlot;

namespace Ltt.Html;

/// <summary>
/// The charts of the toolkit's HTML reports, drawn by ScottPlot as SVG (a real plotting library:
/// axes, ticks and labels laid out by it, not by hand): bars for counts per name, and a filled
/// density line over time with marks where data was lost.
/// </summary>
public static class Charts
{
    /// <summary>Horizontal bars, one per label, longest first as given.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Value)> bars, string valueAxis, int width = 800)
    {
        var plot = new Plot();
        var values = bars.Select(b => b.Value).Reverse().ToArray();
        var barPlot = plot.Add.Bars(values);
        barPlot.Horizontal = true;
        foreach (var bar in barPlot.Bars)
        {
            bar.FillColor = Colors.SteelBlue;
            bar.LineWidth = 0;
        }
        double[] positions = [.. Enumerable.Range(0, values.Length).Select(i => (double)i)];
        string[] labels = [.. bars.Select(b => b.Label).Reverse()];
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.05, bottom: 0.02, top: 0.02);
        plot.XLabel(valueAxis, size: 12);
        plot.Font.Set("DejaVu Sans");
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        int height = 60 + 22 * Math.Max(1, values.Length);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>
    /// One timeline row: <paramref name="rates"/> (events per second of each bin of <paramref name="binSeconds"/>
    /// from 0) as a filled line over [0, <paramref name="spanSeconds"/>], and a line at each loss (seconds
    /// from the start): red for discarded events, orange for lost packets.
    /// </summary>
    public static string Timeline(double[] rates, double binSeconds, double spanSeconds, IReadOnlyList<(double Seconds, bool Discarded)> losses,
        int width = 800, int height = 110)
    {
        var plot = new Plot();
        double[] xs = [.. Enumerable.Range(0, rates.Length).Select(i => (i + 0.5) * binSeconds)];
        if (rates.Length > 0)
        {
            var line = plot.Add.Scatter(xs, rates);
            line.MarkerSize = 0;
            line.LineWidth = 1;
            line.Color = Colors.SteelBlue;
            line.FillY = true;
            line.FillYColor = Colors.SteelBlue.WithAlpha(0.35);
        }
        foreach (var (seconds, discarded) in losses)
            plot.Add.VerticalLine(seconds, 1.5f, discarded ? Colors.Red : Colors.Orange);
        plot.Axes.SetLimitsX(0, spanSeconds);
        plot.Axes.SetLimitsY(0, Math.Max(1, rates.DefaultIfEmpty(0).Max() * 1.1));
        plot.YLabel("events/s", size: 12);
        plot.Font.Set("DejaVu Sans");
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot.GetSvgXml(width, height);
    }
}
