using System.Text;

namespace Ltt.Series.Planning;

/// <summary>The plan as the table <c>--dry-run</c> prints: series, maintainers, patches, dependencies, then the notes.</summary>
public static class PlanTable
{
    public static string Render(SeriesPlan plan)
    {
        var sb = new StringBuilder();
        sb.Append($"{plan.InputPatchCount} patches -> {plan.Series.Count} series (posting order)\n\n");
        var rows = new List<string[]> { new[] { "#", "series", "patches", "needs", "to (people)", "cc (lists)" } };
        foreach (var s in plan.Series)
        {
            rows.Add([
                s.Number.ToString(),
                Cut(s.Name, 36),
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
            sb.Append($"series {s.Number}: {s.Name}\n");
            foreach (var p in s.Patches)
            {
                string needs = p.DependencyReason is null ? "" : $"  [after: {p.DependencyReason}]";
                sb.Append($"  {p.InputIndex + 1,3}. {p.Patch.Title}{needs}\n");
            }
        }
        if (plan.Notes.Count > 0)
        {
            sb.Append('\n');
            foreach (string note in plan.Notes)
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
