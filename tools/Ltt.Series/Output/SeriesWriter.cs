using System.Security.Cryptography;
using System.Text;
using Ltt.Series.Planning;
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
    public static IReadOnlyList<Diagnostic> Write(SeriesPlan plan, SeriesCheck check, CoverLetterTemplate template, WriteOptions options)
    {
        string target = Path.GetFullPath(options.OutputDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            return [new Diagnostic(target, 0, "output folder exists and is not empty; choose another -o")];
        string parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        string temp = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        try
        {
            var rendered = Render(plan, check, template, options, out var diagnostics);
            if (diagnostics.Count > 0)
                return diagnostics;
            foreach (var (relative, text) in rendered)
            {
                string path = Path.Combine(temp, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }
            if (Directory.Exists(target))
                Directory.Delete(target);
            Directory.Move(temp, target);
            return [];
        }
        finally
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Every file of the plan (relative path, content), without touching the disk.</summary>
    public static IReadOnlyList<(string Path, string Text)> Render(SeriesPlan plan, SeriesCheck check, CoverLetterTemplate template, WriteOptions options, out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        var files = new List<(string, string)>();
        var first = plan.Series.SelectMany(s => s.Patches).Select(p => p.Patch).FirstOrDefault();
        string senderName = options.SenderName ?? first?.AuthorName ?? "";
        string senderEmail = options.SenderEmail ?? first?.AuthorEmail ?? "ltt-split@localhost";
        var newest = plan.Series.SelectMany(s => s.Patches).Select(p => p.Patch.Date).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var byNumber = plan.Series.ToDictionary(s => s.Number);
        string version = options.Version is int v ? $" v{v}" : "";
        foreach (var series in plan.Series)
        {
            long stamp = newest.ToUnixTimeSeconds() + series.Number;
            string coverId = $"cover.{stamp}.git.{senderEmail}";
            int total = series.Patches.Count;
            int width = total.ToString().Length;
            string title = SeriesTitle(series);
            var patchFiles = new List<(string, string)>();
            for (int k = 0; k < total; k++)
            {
                var planned = series.Patches[k];
                var patch = planned.Patch;
                string patchTitle = HasSubsystemPrefix(patch.Title) ? patch.Title : $"{SeriesPlanner.SubsystemPrefix(patch.Diffs)}: {patch.Title}";
                string id = patch.CommitId ?? Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(patch.Text)));
                var mail = new PatchMail
                {
                    CommitId = patch.CommitId ?? new string('0', 40),
                    MessageId = $"{id}.{stamp}.git.{senderEmail}",
                    InReplyTo = coverId,
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
                patchFiles.Add((Path.Combine(series.Folder, FileNames.PatchFile(options.Version, k + 1, patchTitle)), FormatPatchWriter.Render(mail)));
            }

            var prerequisites = ApplyVerifier.Prerequisites(series, byNumber);
            var patchIds = new List<string>();
            foreach (int p in prerequisites)
            {
                foreach (var planned in byNumber[p].Patches)
                {
                    if (PatchId.Compute(planned.Patch.Text) is { } pid)
                        patchIds.Add(pid);
                    else
                        diagnostics.Add(new Diagnostic(planned.Patch.Source, 0, "git patch-id failed (is git installed?)"));
                }
            }
            var model = new CoverLetterModel
            {
                Title = title,
                Reason = Reason(series, plan),
                Shortlog = Shortlog(series.Patches.Select(p => (p.Patch.AuthorName.Length > 0 ? p.Patch.AuthorName : p.Patch.AuthorEmail, p.Patch.Title)).ToList()),
                Diffstat = check.SeriesStats.TryGetValue(series.Number, out var rows) ? Diffstat.Render(rows) : Diffstat.Render(series.Patches.SelectMany(p => p.Patch.Diffs).ToList()),
                Version = options.Version ?? 1,
                Changes = options.Version is > 1 ? options.Changes ?? $"- Posted per subsystem: split out of the {plan.InputPatchCount}-patch series, as series {series.Number} of {plan.Series.Count}." : "",
                BaseCommit = plan.BaseCommit ?? "",
                PrerequisitePatchIds = patchIds,
                DependsOn = series.DependsOn.Select(d => new SeriesReference(d, SeriesTitle(byNumber[d]), byNumber[d].Patches.Count)).ToList(),
                NeededBy = plan.Series.Where(s => s.DependsOn.Contains(series.Number)).Select(s => new SeriesReference(s.Number, SeriesTitle(s), s.Patches.Count)).ToList(),
            };
            var (body, error) = template.Render(model);
            if (error is not null)
            {
                diagnostics.Add(error);
                continue;
            }
            var cover = new PatchMail
            {
                CommitId = series.Patches[^1].Patch.CommitId ?? new string('0', 40),
                MessageId = coverId,
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
            files.AddRange(patchFiles);
        }
        return files;
    }

    public static string SeriesTitle(PlannedSeries series)
    {
        if (series.Patches.Count == 1)
            return series.Patches[0].Patch.Title;
        var prefixes = series.Patches.Select(p => Prefix(p.Patch.Title) ?? SeriesPlanner.SubsystemPrefix(p.Patch.Diffs)).Distinct().ToList();
        string prefix = prefixes.Count == 1 ? prefixes[0] : SeriesPlanner.SubsystemPrefix(series.Patches.SelectMany(p => p.Patch.Diffs).ToList());
        return $"{prefix}: {series.Patches.Count} patches for {series.Name}";
    }

    private static string Reason(PlannedSeries series, SeriesPlan plan)
    {
        string who = series.Sections.Count == 1 ? series.Sections[0] : string.Join(", ", series.Sections);
        var text = new StringBuilder();
        text.Append($"{(series.Patches.Count == 1 ? "This is the patch" : $"These are the {series.Patches.Count} patches")} of a {plan.InputPatchCount}-patch series ");
        text.Append($"that {who} maintains. The series was split per subsystem ({plan.Series.Count} series) ");
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

    private static string Wrap(string text, int width, string indent, string? continuation = null)
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
