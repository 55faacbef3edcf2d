using System.Security.Cryptography;
using System.Text;
using Ltt.IO;
using Ltt.Series.Patches;
using Ltt.Series.Planning;
using Ltt.Series.Reroll;
using Ltt.Series.Trees;
using Ltt.Series.Verification;

namespace Ltt.Series.Output;

/// <summary>
/// Writes a plan as <c>git format-patch --cover-letter --thread</c> would: one folder per
/// series with <c>[vN-]0000-cover-letter.patch</c> and one file per patch, To: the people and
/// Cc: the lists of the series, every patch threaded to its cover letter. Everything is
/// written into a temporary folder next to the target, which is moved into place only when
/// complete.
/// </summary>
public static class SeriesWriter
{
    /// <summary>The file <c>ltt-split series</c> leaves in its output folder: a folder carrying it may be replaced by the next run.</summary>
    public const string Marker = ".ltt-split-output";

    /// <summary>
    /// Writes the plan into <paramref name="target"/> (checked by <see cref="OutputTarget"/>'s rule:
    /// a new folder, an empty one, or one ltt-split wrote before, unless forced; never an input).
    /// </summary>
    /// <param name="baseTree">The tree the series apply on (the range-diffs of a second posting are made from it).</param>
    public static IReadOnlyList<Diagnostic> Write(SeriesPlan plan, SeriesCheck check, CoverLetterTemplate template, WriteOptions options, OutputTarget target, ITreeView? baseTree = null)
    {
        var rendered = Render(plan, check, template, options, baseTree, out var diagnostics);
        if (diagnostics.Count > 0)
            return diagnostics;
        using var staged = target.Stage(out string? refused);
        if (staged is null)
            return [new Diagnostic(options.OutputDirectory, 0, Reason(refused!, options.OutputDirectory))];
        try
        {
            foreach (var (relative, text) in rendered)
            {
                string path = Path.Combine(staged.Path, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new Diagnostic(options.OutputDirectory, 0, ex.Message)];
        }
        return staged.Commit() is { } failed ? [new Diagnostic(options.OutputDirectory, 0, Reason(failed, options.OutputDirectory))] : [];
    }

    /// <summary>A rule's message without the folder it starts with (the diagnostic names it).</summary>
    internal static string Reason(string message, string folder) =>
        message.StartsWith(folder + ": ", StringComparison.Ordinal) ? message[(folder.Length + 2)..] : message;

    /// <summary>Every file of the plan (relative path, content), without touching the disk.</summary>
    /// <param name="baseTree">The tree the series apply on: with <see cref="SeriesPlan.History"/>, the range-diffs are made from it.</param>
    public static IReadOnlyList<(string Path, string Text)> Render(SeriesPlan plan, SeriesCheck check, CoverLetterTemplate template, WriteOptions options, ITreeView? baseTree, out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        var files = new List<(string, string)>();
        var first = plan.Series.SelectMany(s => s.Patches).Select(p => p.Patch).FirstOrDefault();
        string senderName = options.SenderName ?? first?.AuthorName ?? "";
        string senderEmail = options.SenderEmail ?? first?.AuthorEmail ?? "ltt-split@localhost";
        var newest = plan.Series.SelectMany(s => s.Patches).Select(p => p.Patch.Date).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var byNumber = plan.Series.ToDictionary(s => s.Number);
        string version = options.Version is int v ? $" v{v}" : "";
        var all = plan.Series.SelectMany(s => s.Patches).ToList();
        var computed = PatchId.ComputeAll(all.Select(p => p.Patch.Text).ToList());
        var ids = new Dictionary<PlannedPatch, string?>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < all.Count; i++)
            ids[all[i]] = computed[i];

        // The patches first: the range-diffs of a second posting are made from them.
        var patchFiles = new Dictionary<int, List<(string Path, string Text)>>();
        foreach (var series in plan.Series)
        {
            long stamp = newest.ToUnixTimeSeconds() + series.Number;
            string coverId = $"cover.{stamp}.git.{senderEmail}";
            int total = series.Patches.Count;
            int width = total.ToString().Length;
            string? previousCover = PreviousCover(plan, series, options);
            var written = patchFiles[series.Number] = [];
            for (int k = 0; k < total; k++)
            {
                var patch = series.Patches[k].Patch;
                string patchTitle = OutgoingTitle(patch, options.AddSubsystemPrefixes);
                // Not security: a patch without a commit gets an id the way git names objects.
#pragma warning disable CA5350
                string id = patch.CommitId ?? Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(patch.Text)));
#pragma warning restore CA5350
                var mail = new PatchMail
                {
                    CommitId = patch.CommitId ?? new string('0', 40),
                    MessageId = $"{id}.{stamp}.git.{senderEmail}",
                    InReplyTo = coverId,
                    References = previousCover is null ? null : [previousCover, coverId],
                    AuthorName = patch.AuthorName,
                    AuthorEmail = patch.AuthorEmail,
                    Date = patch.Date,
                    SubjectPrefix = $"[PATCH{version} {(k + 1).ToString().PadLeft(width, '0')}/{total}]",
                    Title = patchTitle,
                    Body = patch.Body,
                    To = series.To,
                    Cc = series.Cc,
                    Diffs = patch.Diffs,
                    Signature = options.Signature,
                };
                written.Add((Path.Combine(series.Folder, FileNames.PatchFile(options.Version, k + 1, patchTitle)), FormatPatchWriter.Render(mail)));
            }
        }
        var rangeDiffs = RangeDiffs(plan, baseTree, patchFiles);

        foreach (var series in plan.Series)
        {
            long stamp = newest.ToUnixTimeSeconds() + series.Number;
            string coverId = $"cover.{stamp}.git.{senderEmail}";
            int total = series.Patches.Count;
            int width = total.ToString().Length;
            string title = SeriesTitle(series);
            var patchIds = new List<string>();
            foreach (int p in ApplyVerifier.Prerequisites(series, byNumber))
            {
                foreach (var planned in byNumber[p].Patches)
                {
                    if (ids[planned] is { } pid)
                        patchIds.Add(pid);
                    else
                        diagnostics.Add(new Diagnostic(planned.Patch.Source, 0, "git patch-id failed (is git installed?)"));
                }
            }
            var history = plan.History?.Of(series.Number);
            var rangeDiff = rangeDiffs.GetValueOrDefault(series.Number);
            var model = new CoverLetterModel
            {
                Title = title,
                Reason = Reason(series, plan),
                Shortlog = Shortlog(series.Patches.Select(p => (p.Patch.AuthorName.Length > 0 ? p.Patch.AuthorName : p.Patch.AuthorEmail, p.Patch.Title)).ToList()),
                Diffstat = check.SeriesStats.TryGetValue(series.Number, out var rows) ? Diffstat.Render(rows) : Diffstat.Render(series.Patches.SelectMany(p => p.Patch.Diffs).ToList()),
                Version = options.Version ?? 1,
                Changes = plan.History is not null || options.Version is not > 1 ? options.Changes ?? ""
                    : options.Changes ?? $"- Posted per subsystem: split out of the {plan.InputPatchCount}-patch series, as series {series.Number} of {plan.Series.Count}.",
                BaseCommit = plan.BaseCommit ?? "",
                PrerequisitePatchIds = patchIds,
                DependsOn = series.DependsOn.Select(d => new SeriesReference(d, SeriesTitle(byNumber[d]), byNumber[d].Patches.Count)).ToList(),
                NeededBy = plan.Series.Where(s => s.DependsOn.Contains(series.Number)).Select(s => new SeriesReference(s.Number, SeriesTitle(s), s.Patches.Count)).ToList(),
                Kinds = CoverLetterParts.Kinds(series),
                PreviousVersion = plan.History?.Previous.Version ?? 0,
                PreviousSeries = history?.Previous?.Folder ?? "",
                PreviousMatch = history?.Match ?? "",
                History = history is null ? [] : CoverLetterParts.History(history, total, options.AddSubsystemPrefixes),
                RangeDiff = rangeDiff?.Text.TrimEnd('\n') ?? "",
                RangeDiffProblem = rangeDiff?.Problem ?? "",
            };
            var (body, error) = template.Render(model);
            if (error is not null)
            {
                diagnostics.Add(error);
                continue;
            }
            string? previousCover = PreviousCover(plan, series, options);
            var cover = new PatchMail
            {
                CommitId = series.Patches[^1].Patch.CommitId ?? new string('0', 40),
                MessageId = coverId,
                InReplyTo = previousCover,
                AuthorName = senderName,
                AuthorEmail = senderEmail,
                Date = newest,
                SubjectPrefix = $"[PATCH{version} {"0".PadLeft(width, '0')}/{total}]",
                Title = title,
                Body = body!,
                To = series.To,
                Cc = series.Cc,
                Signature = options.Signature,
            };
            files.Add((Path.Combine(series.Folder, (options.Version is int rv ? $"v{rv}-" : "") + "0000-cover-letter.patch"), FormatPatchWriter.Render(cover)));
            files.AddRange(patchFiles[series.Number]);
        }
        return files;
    }

    /// <summary>The subject a patch is sent with: the author's, byte for byte, unless asked to add a subsystem prefix where it has none.</summary>
    public static string OutgoingTitle(Patch patch, bool addSubsystemPrefixes) =>
        !addSubsystemPrefixes || HasSubsystemPrefix(patch.Title) ? patch.Title : $"{SeriesPlanner.SubsystemPrefix(patch.Diffs)}: {patch.Title}";

    /// <summary>The Message-Id of the cover letter of the series this one continues, when asked to thread to it.</summary>
    private static string? PreviousCover(SeriesPlan plan, PlannedSeries series, WriteOptions options) =>
        options.InReplyToPrevious ? plan.History?.Of(series.Number).Previous?.CoverMessageId : null;

    /// <summary>With a previous posting, the range-diff of every series that continues one, from the patches as written.</summary>
    private static IReadOnlyDictionary<int, RangeDiffResult> RangeDiffs(SeriesPlan plan, ITreeView? baseTree, Dictionary<int, List<(string Path, string Text)>> patchFiles)
    {
        if (plan.History is not { } history || baseTree is null)
            return new Dictionary<int, RangeDiffResult>();
        var pairs = history.Series.Where(h => h.Previous is not null).ToDictionary(h => h.Series, h => h.Previous!);
        if (pairs.Count == 0)
            return new Dictionary<int, RangeDiffResult>();
        var paths = plan.Series.SelectMany(s => s.Patches).SelectMany(p => p.Patch.Paths)
            .Concat(history.Previous.Series.SelectMany(s => s.Patches).SelectMany(p => p.Paths));
        var current = plan.Series.Select(s => (s.Number, (IReadOnlyList<string>)patchFiles[s.Number].Select(f => f.Text).ToList())).ToList();
        return RangeDiff.Run(baseTree, history.Previous, current, pairs, paths);
    }

    /// <summary>
    /// The cover letter's subject: a single patch's own subject; else the subject prefix all
    /// the patches share ("net: mana") and the subsystem as MAINTAINERS names it, or the
    /// directories for files no section covers ("12 patches for ltt/, include/linux/").
    /// </summary>
    public static string SeriesTitle(PlannedSeries series)
    {
        if (series.Patches.Count == 1)
            return series.Patches[0].Patch.Title;
        string? prefix = SharedPrefix(series.Patches.Select(p => p.Patch.Title).ToList());
        return (prefix is null ? "" : prefix + ": ") + $"{series.Patches.Count} patches for {series.Name}";
    }

    /// <summary>The longest "a: b" subject prefix every title starts with, or null.</summary>
    private static string? SharedPrefix(IReadOnlyList<string> titles)
    {
        string? shared = null;
        string first = titles[0];
        for (int colon = first.IndexOf(": ", StringComparison.Ordinal); colon > 0 && colon <= 40; colon = first.IndexOf(": ", colon + 2, StringComparison.Ordinal))
        {
            string candidate = first[..(colon + 2)];
            if (!titles.All(t => t.StartsWith(candidate, StringComparison.Ordinal)))
                break;
            shared = first[..colon];
        }
        return shared;
    }

    private static string Reason(PlannedSeries series, SeriesPlan plan)
    {
        // THE REST is MAINTAINERS' catch-all: the files have no section of their own, so say where they are.
        string whose = series.Sections.All(s => s == "THE REST")
            ? $"that changes files no MAINTAINERS section covers ({series.Name})"
            : $"for {series.Name}";
        var text = new StringBuilder();
        text.Append($"{(series.Patches.Count == 1 ? "This is the patch" : $"These are the {series.Patches.Count} patches")} of a {plan.InputPatchCount}-patch series ");
        text.Append($"{whose}. The series was split per subsystem ({plan.Series.Count} series) ");
        text.Append("so that each maintainer gets only the changes they review.");
        var split = series.Patches.Where(p => p.SplitFrom is not null).ToList();
        if (split.Count > 0)
            text.Append($" {split.Count} of them {(split.Count == 1 ? "is a part" : "are parts")} of a patch that touched several subsystems, split per subsystem.");
        return Wrap(text.ToString(), 72, "");
    }

    /// <summary>git shortlog as format-patch writes it in a cover letter: authors by name, titles wrapped at 72.</summary>
    public static string Shortlog(IReadOnlyList<(string Author, string Title)> entries)
    {
        var sb = new StringBuilder();
        foreach (var group in entries.GroupBy(e => e.Author).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (sb.Length > 0)
                sb.Append('\n');
            sb.Append(group.Key).Append(" (").Append(group.Count()).Append("):\n");
            foreach (var (_, title) in group)
                sb.Append(Wrap(title, 72, "  ", "    ")).Append('\n');
        }
        return sb.ToString();
    }

    internal static string Wrap(string text, int width, string indent, string? continuation = null)
    {
        continuation ??= indent;
        var sb = new StringBuilder(indent);
        int column = indent.Length;
        bool lineStart = true;
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!lineStart && column + 1 + word.Length > width)
            {
                sb.Append('\n').Append(continuation);
                column = continuation.Length;
                lineStart = true;
            }
            if (!lineStart)
            {
                sb.Append(' ');
                column++;
            }
            sb.Append(word);
            column += word.Length;
            lineStart = false;
        }
        return sb.ToString();
    }

    private static bool HasSubsystemPrefix(string title) => Prefix(title) is not null;

    private static string? Prefix(string title)
    {
        int colon = title.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && colon <= 40 && !title[..colon].Contains(' ') ? title[..colon] : null;
    }
}
