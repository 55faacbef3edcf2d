using Ltt.Series.Planning;
using Ltt.Series.Reroll;

namespace Ltt.Series.Output;

/// <summary>The lists a cover letter shows beside the shortlog: every patch's kind and why, and what became of every patch since the previous posting.</summary>
public static class CoverLetterParts
{
    public static IReadOnlyList<CoverLetterPatchKind> Kinds(PlannedSeries series)
    {
        int total = series.Patches.Count;
        return series.Patches.Select((p, i) => new CoverLetterPatchKind(i + 1, p.Patch.Title, p.Kind.Name, p.Kind.Reason,
            SeriesWriter.Wrap($"{i + 1}/{total} {p.Kind.Name}: {p.Kind.Reason}", 72, "  ", "      "))).ToList();
    }

    /// <param name="addSubsystemPrefixes">Whether subjects are sent with a prefix added (they are listed as sent).</param>
    public static IReadOnlyList<CoverLetterPatchHistory> History(SeriesHistory history, int total, bool addSubsystemPrefixes)
    {
        var lines = new List<CoverLetterPatchHistory>();
        for (int i = 0; i < history.Patches.Count; i++)
        {
            var h = history.Patches[i];
            string title = SeriesWriter.OutgoingTitle(h.Patch.Patch, addSubsystemPrefixes);
            string where = h.Change == PatchChange.Moved ? $" (was in series {h.PreviousSeries!.Folder})" : "";
            lines.Add(new CoverLetterPatchHistory(h.Tag, i + 1, title, $"  {"[" + h.Tag + "]",-11} {i + 1}/{total} {title}{where}"));
        }
        foreach (var dropped in history.Dropped)
            lines.Add(new CoverLetterPatchHistory("dropped", 0, dropped.Title, $"  {"[dropped]",-11} {dropped.Title}"));
        return lines;
    }
}
