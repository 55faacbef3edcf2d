using Ltt.Series.Patches;

namespace Ltt.Series.Kinds;

/// <summary>
/// Sorts the patches of a set into the three kinds reviewers read differently, from their
/// diffs alone and in order (a file is the set's own once a patch of the set created it):
/// <list type="number">
/// <item><b>Infrastructure change</b> when a patch changes a file the set did not create in
/// any way other than instrumentation: other code lines, a deletion, a rename, a mode
/// change, a binary change, or only comments.</item>
/// <item><b>Instrumentation</b> when its changes to files the set did not create are all
/// instrumentation lines (<see cref="InstrumentationLines"/>), or it adds a trace header;
/// other files it adds, or changes that the set created, do not change that.</item>
/// <item><b>New code</b> otherwise: it only adds files, or only changes files the set created.</item>
/// </list>
/// </summary>
public static class PatchClassifier
{
    /// <param name="label">How a reason names the patch at an index ("patch 16"); default: its 1-based position.</param>
    public static IReadOnlyList<KindVerdict> Classify(IReadOnlyList<Patch> patches, Func<int, string>? label = null)
    {
        label ??= i => $"patch {i + 1}";
        var created = new Dictionary<string, int>(StringComparer.Ordinal);
        var verdicts = new List<KindVerdict>(patches.Count);
        for (int i = 0; i < patches.Count; i++)
        {
            verdicts.Add(ClassifyOne(patches[i], created, label));
            foreach (var diff in patches[i].Diffs)
            {
                switch (diff.Change)
                {
                    case FileChange.Add or FileChange.Copy:
                        created[diff.NewPath] = i;
                        break;
                    case FileChange.Rename when created.Remove(diff.OldPath, out int creator):
                        created[diff.NewPath] = creator;
                        break;
                    case FileChange.Delete:
                        created.Remove(diff.OldPath);
                        break;
                }
            }
        }
        return verdicts;
    }

    private static KindVerdict ClassifyOne(Patch patch, Dictionary<string, int> created, Func<int, string> label)
    {
        var added = new List<string>();
        var own = new List<(string Path, int Creator)>();
        var instrumented = new List<string>();
        // A deletion, rename, mode or binary change says more than a line does: reported first.
        foreach (var diff in patch.Diffs.Where(d => d.Change is not (FileChange.Add or FileChange.Copy) && !created.ContainsKey(d.OldPath)))
        {
            if (Structural(diff) is { } structural)
                return new KindVerdict(PatchKind.Infrastructure, structural);
        }
        foreach (var diff in patch.Diffs)
        {
            if (diff.Change is FileChange.Add or FileChange.Copy)
            {
                if (IsNewTraceHeader(diff))
                    instrumented.Add(diff.NewPath);
                else
                    added.Add(diff.NewPath);
                continue;
            }
            if (created.TryGetValue(diff.OldPath, out int creator))
            {
                own.Add((diff.Path, creator));
                continue;
            }
            var (kind, why) = OthersFile(diff);
            if (kind == PatchKind.Infrastructure)
                return new KindVerdict(PatchKind.Infrastructure, why);
            instrumented.Add(diff.Path);
        }
        if (instrumented.Count > 0)
        {
            string reason = $"only tracepoints, trace calls, marker sites and their includes in {Files(instrumented)}";
            var rest = added.Concat(own.Select(o => o.Path)).ToList();
            return new KindVerdict(PatchKind.Instrumentation, rest.Count == 0 ? reason : $"{reason}; besides, adds or changes the set's own files {Files(rest)}");
        }
        string ownText = string.Join("; ", own.GroupBy(o => o.Creator).OrderBy(g => g.Key)
            .Select(g => $"{Files(g.Select(o => o.Path).ToList())} ({label(g.Key)})"));
        if (own.Count == 0)
            return new KindVerdict(PatchKind.NewCode, $"only adds files: {Files(added)}");
        if (added.Count == 0)
            return new KindVerdict(PatchKind.NewCode, $"only changes files the set created: {ownText}");
        return new KindVerdict(PatchKind.NewCode, $"adds {Files(added)}; otherwise changes only files the set created: {ownText}");
    }

    /// <summary>A file the set did not create: instrumentation when every changed line is, else the first thing that is not.</summary>
    private static (PatchKind Kind, string Reason) OthersFile(FileDiff diff)
    {
        if (Structural(diff) is { } structural)
            return (PatchKind.Infrastructure, structural);
        bool traceHeader = InstrumentationLines.IsTraceHeader(diff.Path, diff.Hunks.SelectMany(h => h.Lines).ToList());
        int instrumentation = 0;
        foreach (var hunk in diff.Hunks)
        {
            // Each side is read as its own text, context included, so a statement begun in a
            // context line is followed into the changed lines.
            var before = new InstrumentationLines(traceHeader, diff.Path);
            var after = new InstrumentationLines(traceHeader, diff.Path);
            foreach (string line in hunk.Lines)
            {
                if (line.Length == 0 || line[0] == '\\')
                    continue;
                string text = line[1..];
                LineKind kind;
                switch (line[0])
                {
                    case '-':
                        kind = before.Next(text);
                        break;
                    case '+':
                        kind = after.Next(text);
                        break;
                    default:
                        before.Next(text);
                        after.Next(text);
                        continue;
                }
                if (kind == LineKind.Other)
                    return (PatchKind.Infrastructure, $"changes {diff.Path} beyond instrumentation: '{Quote(line)}'");
                if (kind == LineKind.Instrumentation)
                    instrumentation++;
            }
        }
        return instrumentation > 0
            ? (PatchKind.Instrumentation, "")
            : (PatchKind.Infrastructure, $"changes only comments or blank lines of {diff.Path}");
    }

    /// <summary>What a change to a file the set did not create does besides its lines: deleting, renaming, a mode or binary change.</summary>
    private static string? Structural(FileDiff diff) => diff switch
    {
        { Change: FileChange.Delete } => $"deletes {diff.OldPath}",
        { Change: FileChange.Rename } => $"renames {diff.OldPath} to {diff.NewPath}",
        { OldMode: { } from, NewMode: { } to } when from != to => $"changes the mode of {diff.Path} ({from} to {to})",
        { IsBinary: true } => $"changes the binary file {diff.Path}",
        _ => null,
    };

    /// <summary>A new trace header (<see cref="InstrumentationLines.IsTraceHeader"/>): instrumentation, wherever it is added.</summary>
    private static bool IsNewTraceHeader(FileDiff diff) =>
        !diff.IsBinary && InstrumentationLines.IsTraceHeader(diff.NewPath, diff.Hunks.SelectMany(h => h.Lines).ToList());

    private static string Files(IReadOnlyList<string> paths) =>
        paths.Count <= 3 ? string.Join(", ", paths) : $"{string.Join(", ", paths.Take(2))} and {paths.Count - 2} more";

    private static string Quote(string line)
    {
        string text = line.Replace('\t', ' ');
        while (text.Contains("  ", StringComparison.Ordinal))
            text = text.Replace("  ", " ", StringComparison.Ordinal);
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
