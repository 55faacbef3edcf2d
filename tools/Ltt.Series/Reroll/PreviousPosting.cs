using Ltt.Series.Output;
using Ltt.Series.Patches;
using MimeKit;

namespace Ltt.Series.Reroll;

/// <summary>
/// The folder <c>ltt-split series</c> wrote for an earlier version (<c>--previous</c>): one
/// sub-folder per series with its cover letter and patches, read back as mail (MimeKit), with
/// the git patch id of every patch so that a later version can say what changed.
/// </summary>
public sealed record PreviousPosting(string Folder, int Version, IReadOnlyList<PreviousSeries> Series)
{
    public static (PreviousPosting? Posting, IReadOnlyList<Diagnostic> Diagnostics) Load(string folder)
    {
        if (!Directory.Exists(folder))
            return (null, [new Diagnostic(folder, 0, "previous posting not found (give the folder ltt-split series wrote for the earlier version)")]);
        var diagnostics = new List<Diagnostic>();
        var series = new List<PreviousSeries>();
        int version = 1;
        foreach (string directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(directory);
            if (name.StartsWith('.'))
                continue;
            var files = Directory.GetFiles(directory, "*.patch").Order(StringComparer.Ordinal).ToList();
            string? cover = files.FirstOrDefault(f => f.EndsWith("0000-cover-letter.patch", StringComparison.Ordinal));
            if (cover is null)
            {
                diagnostics.Add(new Diagnostic(directory, 0, "no cover letter (*0000-cover-letter.patch): not a series folder ltt-split wrote"));
                continue;
            }
            if (Path.GetFileName(cover) is var coverName && coverName.StartsWith('v') && int.TryParse(coverName[1..coverName.IndexOf('-')], out int v))
                version = Math.Max(version, v);
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(cover);
            }
            catch (FormatException e)
            {
                diagnostics.Add(new Diagnostic(cover, 0, "not a mail message: " + e.Message));
                continue;
            }
            var patches = new List<(string File, Patch Patch)>();
            foreach (string file in files.Where(f => f != cover))
            {
                var set = MailPatchReader.ReadFile(file);
                diagnostics.AddRange(set.Diagnostics);
                patches.AddRange(set.Patches.Select(p => (file, p)));
            }
            var ids = PatchId.ComputeAll(patches.Select(p => p.Patch.Text).ToList());
            int number = int.TryParse(name.Split('-')[0], out int n) ? n : series.Count + 1;
            series.Add(new PreviousSeries(number, name, MailPatchReader.StripSubjectPrefix(message.Subject ?? ""),
                string.IsNullOrEmpty(message.MessageId) ? null : message.MessageId,
                patches.Select((p, i) => new PreviousPatch(p.File, p.Patch.Title, p.Patch.Body, ids[i], p.Patch.Text, p.Patch.Paths.ToList())).ToList()));
        }
        if (series.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(new Diagnostic(folder, 0, "holds no series folder (NN-name/ with a cover letter and patches, as ltt-split series writes them)"));
        return diagnostics.Count > 0 ? (null, diagnostics) : (new PreviousPosting(folder, version, series), []);
    }
}
