using Ltt.Series.Output;
using Ltt.Series.Patches;

namespace Ltt.Fuzz;

/// <summary>
/// The patch targets. Besides exceptions, they check what the split side promises: no accepted
/// path or symbolic link leaves the tree, and no header written from a read mail carries a line
/// break of its own (a smuggled header).
/// </summary>
public static partial class FuzzTargets
{
    private static void Diff(byte[] input)
    {
        var lines = Text(input).Split('\n');
        CheckInTree(DiffParser.Parse("patch", lines, 0, 0, []));
    }

    private static void Mbox(byte[] input)
    {
        string path = Path.Combine(Scratch, "mbox");
        File.WriteAllBytes(path, input);
        foreach (var patch in MailPatchReader.ReadFile(path).Patches)
        {
            CheckInTree(patch.Diffs);
            string mail = FormatPatchWriter.Render(new PatchMail
            {
                CommitId = patch.CommitId ?? new string('0', 40),
                AuthorName = patch.AuthorName,
                AuthorEmail = patch.AuthorEmail,
                Date = patch.Date,
                SubjectPrefix = "[PATCH 1/1]",
                Title = patch.Title,
                Body = patch.Body,
                Diffs = patch.Diffs,
                To = [patch.Author],
                Cc = [patch.Author],
                MessageId = patch.Author,
                InReplyTo = patch.Title,
            });
            CheckHeaders(mail);
        }
    }

    private static void CheckInTree(IEnumerable<FileDiff> diffs)
    {
        foreach (var file in diffs)
        {
            foreach (string path in new[] { file.OldPath, file.NewPath })
            {
                if (path != "/dev/null" && DiffParser.UnsafePath(path) is { } why)
                    throw new InvalidOperationException($"accepted a path that {why}: {path}");
            }
            // A link keeps its mode on the index line when only its target changes.
            string? indexMode = file.Text.Split('\n').FirstOrDefault(l => l.StartsWith("index ", StringComparison.Ordinal))?.Split(' ').ElementAtOrDefault(2);
            if ((file.NewMode ?? indexMode) == "120000" && file.Change != FileChange.Delete)
            {
                string target = string.Join('\n', file.Hunks.SelectMany(h => h.Added));
                if (file.IsBinary || LeavesTree(file.NewPath, target))
                    throw new InvalidOperationException($"accepted a symbolic link {file.NewPath} -> {target} out of the tree");
            }
        }
    }

    /// <summary>Whether a link at <paramref name="link"/> (relative to the tree) pointing to <paramref name="target"/> resolves outside the tree.</summary>
    private static bool LeavesTree(string link, string target)
    {
        if (target.StartsWith('/'))
            return true;
        int depth = link.Split('/', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        foreach (string part in target.Split('/'))
        {
            if (part == "..")
                depth--;
            else if (part is not ("" or "."))
                depth++;
            if (depth < 0)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The headers of a rendered mail: each line a header the writer writes, at most once, or a
    /// folded continuation; no CR; From, Date and Subject all there (a header value with a line
    /// break of its own would end the headers early or add one).
    /// </summary>
    private static void CheckHeaders(string mail)
    {
        string[] known = ["Message-Id", "In-Reply-To", "References", "From", "Date", "Subject", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "To", "Cc"];
        int end = mail.IndexOf("\n\n", StringComparison.Ordinal);
        string[] lines = mail[..end].Split('\n');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(1))
        {
            if (line.Contains('\r'))
                throw new InvalidOperationException($"a header line carries a CR: {line}");
            if (line.StartsWith(' ') || line.StartsWith('\t'))
                continue;
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            string name = colon < 0 ? line : line[..colon];
            if (!known.Contains(name) || !seen.Add(name))
                throw new InvalidOperationException($"a header the writer does not write, or twice: {line}");
        }
        foreach (string name in new[] { "From", "Date", "Subject" })
        {
            if (!seen.Contains(name))
                throw new InvalidOperationException($"the headers end before {name}: {mail[..end]}");
        }
        if (!lines[0].StartsWith("From ", StringComparison.Ordinal) || lines[0].Contains('\r'))
            throw new InvalidOperationException($"the mbox From line is damaged: {lines[0]}");
    }
}
