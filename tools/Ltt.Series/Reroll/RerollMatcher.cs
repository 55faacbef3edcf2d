using Ltt.Series.Output;
using Ltt.Series.Planning;

namespace Ltt.Series.Reroll;

/// <summary>
/// Reads a plan against the previous posting. A series continues the previous series it
/// shares the most patches with (the same git patch id, or the same subject), the same
/// subsystem (folder name) counting as half a patch; each previous series is continued at
/// most once. A patch found in the series it continues is unchanged when its diff, subject
/// and message are all the same; a patch found only in another previous series has moved;
/// a patch found nowhere is new. Previous patches no patch took are dropped, previous series
/// no series continues are gone.
/// </summary>
public static class RerollMatcher
{
    /// <param name="title">The subject a planned patch is sent with (the author's, or with the prefix <c>--add-prefixes</c> adds).</param>
    public static RerollPlan Match(SeriesPlan plan, PreviousPosting previous, Func<PlannedPatch, string> title)
    {
        var all = plan.Series.SelectMany(s => s.Patches).ToList();
        var computed = PatchId.ComputeAll(all.Select(p => p.Patch.Text).ToList());
        var ids = new Dictionary<PlannedPatch, string?>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < all.Count; i++)
            ids[all[i]] = computed[i];
        bool SameDiff(PlannedPatch p, PreviousPatch q) => ids[p] is { } id && id == q.PatchId;
        bool Same(PlannedPatch p, PreviousPatch q) => SameDiff(p, q) || title(p) == q.Title;

        var continues = new Dictionary<int, (PreviousSeries Previous, string Why)>();
        var candidates = from s in plan.Series
                         from t in previous.Series
                         let shared = s.Patches.Count(p => t.Patches.Any(q => Same(p, q)))
                         let sameName = Subsystem(s) == t.Subsystem
                         where shared > 0 || sameName
                         orderby shared * 2 + (sameName ? 1 : 0) descending, s.Number, t.Number
                         select (Series: s, Previous: t, Shared: shared, SameName: sameName);
        var taken = new HashSet<PreviousSeries>();
        foreach (var c in candidates)
        {
            if (continues.ContainsKey(c.Series.Number) || !taken.Add(c.Previous))
                continue;
            string patches = $"{c.Shared} of its {c.Previous.Patches.Count} {(c.Previous.Patches.Count == 1 ? "patch" : "patches")}";
            continues[c.Series.Number] = (c.Previous, c.SameName ? (c.Shared > 0 ? $"same subsystem, {patches}" : "same subsystem") : patches);
        }

        // Patches first against the series they continue (same diff before same subject), then anywhere.
        var used = new HashSet<PreviousPatch>(ReferenceEqualityComparer.Instance);
        var found = new Dictionary<PlannedPatch, (PreviousPatch Patch, PreviousSeries Series)>(ReferenceEqualityComparer.Instance);
        void Find(PlannedPatch p, IEnumerable<PreviousSeries> where)
        {
            foreach (var test in new Func<PlannedPatch, PreviousPatch, bool>[] { SameDiff, Same })
            {
                foreach (var t in where)
                {
                    if (t.Patches.FirstOrDefault(q => !used.Contains(q) && test(p, q)) is { } q)
                    {
                        used.Add(q);
                        found[p] = (q, t);
                        return;
                    }
                }
            }
        }
        foreach (var s in plan.Series)
            if (continues.TryGetValue(s.Number, out var c))
                foreach (var p in s.Patches)
                    Find(p, [c.Previous]);
        foreach (var p in all.Where(p => !found.ContainsKey(p)))
            Find(p, previous.Series);

        var histories = new List<SeriesHistory>();
        foreach (var s in plan.Series)
        {
            var before = continues.TryGetValue(s.Number, out var c) ? c.Previous : null;
            var patches = s.Patches.Select(p =>
            {
                if (!found.TryGetValue(p, out var f))
                    return new PatchHistory(p, PatchChange.Added, null, null);
                if (f.Series != before)
                    return new PatchHistory(p, PatchChange.Moved, f.Patch, f.Series);
                bool same = SameDiff(p, f.Patch) && title(p) == f.Patch.Title && p.Patch.Body.TrimEnd() == f.Patch.Body.TrimEnd();
                return new PatchHistory(p, same ? PatchChange.Unchanged : PatchChange.Changed, f.Patch, f.Series);
            }).ToList();
            var dropped = before?.Patches.Where(q => !used.Contains(q)).ToList() ?? [];
            histories.Add(new SeriesHistory(s.Number, before, before is null ? "" : c.Why, patches, dropped));
        }
        return new RerollPlan(previous, histories, previous.Series.Where(t => !taken.Contains(t)).ToList());
    }

    /// <summary>The subsystem part of a series' folder name, as <see cref="PreviousSeries.Subsystem"/> reads it from the previous posting.</summary>
    private static string Subsystem(PlannedSeries series) => series.Folder[(series.Folder.IndexOf('-') + 1)..];
}
