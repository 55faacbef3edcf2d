using System.Text;

namespace Ltt.Series.Planning;

/// <summary>The plan as the table <c>--dry-run</c> prints: series, maintainers, patches, dependencies, then the notes.</summary>
public static class PlanTable
{
    /// <param name="reasons">Add under each patch the reason for its kind (<c>--dry-run --verbose</c>).</param>
    public static string Render(SeriesPlan plan, bool reasons = false)
    {
        var sb = new StringBuilder();
        sb.Append($"{plan.InputPatchCount} patches -> {plan.Series.Count} series (posting order)\n");
        if (plan.Maintainers.Length > 0)
            sb.Append($"routed with {plan.Maintainers}\n");
        if (plan.ProofBase.Length > 0)
            sb.Append($"applied on {plan.ProofBase}\n");
        if (plan.History is { } read)
        {
            int continuing = read.Series.Count(h => h.Previous is not null);
            sb.Append($"read against v{read.Previous.Version} in {read.Previous.Folder}: {continuing} series continue one, "
                + $"{read.Series.Count - continuing} new, {read.Gone.Count} gone\n");
        }
        sb.Append('\n');
        List<string[]> rows = [["#", "series", "kinds", "patches", "needs", "to (people)", "cc (lists)"]];
        foreach (var s in plan.Series)
        {
            rows.Add([
                s.Number.ToString(),
                Cut(s.Name, 36),
                s.Kinds,
                s.Patches.Count.ToString(),
                s.DependsOn.Count == 0 ? "-" : string.Join(",", s.DependsOn),
                Cut(string.Join(", ", s.To.Select(Address)), 40),
                Cut(string.Join(", ", s.Cc), 40),
            ]);
        }
        int[] widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            sb.Append(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c])))).Append('\n');
        sb.Append('\n');
        foreach (var s in plan.Series)
        {
            var history = plan.History?.Of(s.Number);
            string continues = history is null ? ""
                : history.Previous is { } before ? $"  (continues v{plan.History!.Previous.Version} {before.Folder}: {history.Match})"
                : "  (new)";
            sb.Append($"series {s.Number}: {s.Name}{continues}\n");
            for (int i = 0; i < s.Patches.Count; i++)
            {
                var p = s.Patches[i];
                string needs = p.DependencyReason is null ? "" : $"  [after: {p.DependencyReason}]";
                string change = history is null ? "" : $" [{history.Patches[i].Tag}]";
                sb.Append($"  {p.InputIndex + 1,3}. [{p.Kind.Tag}]{change} {p.Patch.Title}{needs}\n");
                if (reasons)
                    sb.Append($"         {p.Kind.Name}: {p.Kind.Reason}\n");
            }
            foreach (var dropped in history?.Dropped ?? [])
                sb.Append($"       [dropped] {dropped.Title}\n");
        }
        var notes = plan.Notes.ToList();
        if (plan.History is { } h)
        {
            foreach (var gone in h.Gone)
            {
                var moved = h.Series.SelectMany(x => x.Patches.Select(p => (x.Series, p))).Where(e => e.p.PreviousSeries == gone).ToList();
                string fate = moved.Count == 0 ? "its patches were dropped"
                    : $"{moved.Count} of its {gone.Patches.Count} patches moved (to series {string.Join(", ", moved.Select(e => e.Series).Distinct())})";
                notes.Add($"v{h.Previous.Version} series {gone.Folder} ('{gone.CoverTitle}') is gone: {fate}");
            }
        }
        if (notes.Count > 0)
        {
            sb.Append('\n');
            foreach (string note in notes)
                sb.Append("note: ").Append(note).Append('\n');
        }
        return sb.ToString();
    }

    private static string Address(string formatted)
    {
        int lt = formatted.IndexOf('<');
        return lt >= 0 ? formatted[(lt + 1)..].TrimEnd('>') : formatted;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 3)] + "...";
}
