using System.Globalization;
using Ltt.Html;
using Ltt.Validation.Kernel;
using Ltt.Validation.Kernel.Comparison;

namespace Ltt.Validation.Reports;

/// <summary>
/// A kernel run as one self-contained HTML page, written beside its JUnit file and into its
/// folder: the run's numbers, then per tracepoint the hits on each side, the hits and fields
/// compared, the field coverage and the mismatches; per CPU the same and the losses; the listed
/// mismatches, the problems, the notes and the modules kbuild did not build.
/// </summary>
public static class KernelRunPage
{
    public static string Render(KernelRunResult result)
    {
        var c = result.Counters;
        var page = new HtmlPage($"Kernel run: {c.Kernel ?? "no kernel"}, {(result.Passed ? "passed" : "failed")}");
        page.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Our probes and recorder inside the booted kernel, compared hit for hit with ftrace's record of the same tracepoints; {result.Elapsed.TotalSeconds:F0} s."), "note");
        page.Table(["modules built", "modules not built", "tracepoints registered", "tracepoints hit", "hits compared", "fields compared",
                "field coverage (%)", "mismatches", "lost (ours)", "lost (ftrace)", "kprobes registered", "kprobes hit", "kprobe hits compared"],
            [[c.ModulesBuilt, c.ModulesFailed, c.TracepointsRegistered, c.TracepointsHit, c.HitsCompared, c.FieldsCompared,
              c.FieldCoverage * 100, c.Mismatches, c.LostOurs, c.LostFtrace, c.KprobesRegistered, c.KprobesHit, c.KprobeHitsCompared]], id: "summary");
        Lines(page, "Problems", result.Problems, "problems");
        Lines(page, "Notes", result.Notes, "notes");
        if (result.Comparison is { } comparison)
        {
            Tracepoints(page, comparison);
            Cpus(page, comparison);
            if (comparison.Mismatches.Count > 0)
            {
                page.Heading("Mismatches");
                if (comparison.Mismatches.Count < comparison.Totals.Mismatches)
                    page.Paragraph($"The first {comparison.Mismatches.Count:N0} of {comparison.Totals.Mismatches:N0}.", "note");
                page.Table(["cpu", "our hit", "ftrace's hit", "tracepoint", "field", "ours", "ftrace", "what"],
                    comparison.Mismatches.Select(m => (IReadOnlyList<object?>)[m.Cpu, m.OurIndex, m.FtraceIndex, m.Event, m.Field, m.Ours, m.Ftrace, m.Message]),
                    id: "mismatches");
            }
        }
        if (result.Build is { Failed.Count: > 0 } build)
        {
            page.Heading("Modules kbuild did not build");
            page.Table(["module", "reason"], build.Failed.Select(f => (IReadOnlyList<object?>)[f.Module, f.Reason]), id: "modules-not-built");
        }
        return page.Render();
    }

    private static void Tracepoints(HtmlPage page, ComparisonReport comparison)
    {
        page.Heading("Per tracepoint");
        page.Paragraph("Coverage: the fields of ftrace's event that were compared; not recorded: ftrace's fields our probe leaves out, with the generator's reason.", "note");
        page.Table(["tracepoint", "system", "hits (ours)", "hits (ftrace)", "hits compared", "fields compared", "ftrace's fields", "coverage (%)",
                "mismatches", "not recorded", "not compared because"],
            comparison.Tracepoints.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (IReadOnlyList<object?>)
            [
                t.Name, t.System, t.HitsOurs, t.HitsFtrace, t.HitsCompared, t.FieldsCompared.Count, t.FtraceFields,
                t.FtraceFields == 0 ? null : 100.0 * t.FieldsCompared.Count / t.FtraceFields,
                t.Mismatches,
                string.Join("; ", t.FieldsNotRecorded.Select(f => $"{f.Field}: {f.Reason}")),
                t.NotCompared,
            ]), id: "tracepoints");
    }

    private static void Cpus(HtmlPage page, ComparisonReport comparison)
    {
        page.Heading("Per CPU");
        page.Table(["cpu", "hits (ours)", "hits (ftrace)", "hits compared", "edge hits", "nested reorders", "lost (ours)", "lost (ftrace)",
                "largest timestamp difference (ns)", "mismatches"],
            comparison.Cpus.Select(u => (IReadOnlyList<object?>)
            [
                u.Cpu, u.HitsOurs, u.HitsFtrace, u.HitsCompared, u.EdgeHits, u.NestedReorders, u.LostOurs,
                u.LostFtraceUnknown ? "unknown" : u.LostFtrace, u.MaxTimestampDeltaNs, u.Mismatches,
            ]), id: "cpus");
    }

    private static void Lines(HtmlPage page, string title, IReadOnlyList<string> lines, string id)
    {
        if (lines.Count == 0)
            return;
        page.Heading(title);
        page.Table([title.ToLowerInvariant()], lines.Select(l => (IReadOnlyList<object?>)[l]), id: id);
    }
}
