using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Ltt.Series.Patches;

/// <summary>
/// Reads patches from mail: one <c>git format-patch</c> file or an mbox of several. MimeKit
/// decodes the headers (RFC 2047 names and subjects) and transfer encodings; the body is
/// split at the <c>---</c> line into the commit message and the diffs, which
/// <see cref="DiffParser"/> checks. Line numbers in diagnostics are the file's.
/// </summary>
public static partial class MailPatchReader
{
    public static PatchSet ReadFile(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var diagnostics = new List<Diagnostic>();
        var patches = new List<Patch>();
        bool mbox = bytes.AsSpan().StartsWith("From "u8);
        using var stream = new MemoryStream(bytes, writable: false);
        var parser = new MimeParser(stream, mbox ? MimeFormat.Mbox : MimeFormat.Entity);
        var starts = new List<long>();
        var messages = new List<MimeMessage>();
        try
        {
            while (!parser.IsEndOfStream)
            {
                var message = parser.ParseMessage();
                starts.Add(mbox ? parser.MboxMarkerOffset : 0);
                messages.Add(message);
                if (!mbox)
                    break;
            }
        }
        catch (FormatException e)
        {
            diagnostics.Add(new Diagnostic(path, LineAt(bytes, parser.Position), "not a mail message: " + e.Message));
            return new PatchSet(patches, diagnostics);
        }
        if (messages.Count == 0)
            diagnostics.Add(new Diagnostic(path, 0, "no mail message found"));
        for (int n = 0; n < messages.Count; n++)
        {
            long start = starts[n];
            long end = n + 1 < starts.Count ? starts[n + 1] : bytes.Length;
            string raw = Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));
            string source = messages.Count == 1 ? path : $"{path}#{n + 1}";
            var patch = Read(source, path, LineAt(bytes, start), raw, messages[n], diagnostics);
            if (patch is not null)
                patches.Add(patch);
        }
        string? baseCommit = patches.Select(p => p.BaseCommit).FirstOrDefault(b => b is not null);
        return new PatchSet(patches, diagnostics) { BaseCommit = baseCommit };
    }

    /// <summary>Reads one message whose raw text (from its mbox "From " line, if any) is <paramref name="raw"/>.</summary>
    public static Patch? Read(string source, string file, int firstLine, string raw, MimeMessage message, List<Diagnostic> diagnostics)
    {
        int before = diagnostics.Count;
        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is null)
            diagnostics.Add(new Diagnostic(file, firstLine, "mail has no From: header"));
        string subject = message.Subject ?? "";
        if (subject.Length == 0)
            diagnostics.Add(new Diagnostic(file, firstLine, "mail has no Subject: header"));

        // The body as written when it is not transfer-encoded, so line numbers stay the file's.
        var lines = raw.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1); // the split after the final line feed is not a line
        int blank = lines.FindIndex(l => l.Length == 0);
        int bodyStart = blank < 0 ? lines.Count : blank + 1;
        var part = message.BodyParts.OfType<TextPart>().FirstOrDefault();
        List<string> body;
        int lineOffset;
        if (part is not null && part.ContentTransferEncoding is ContentEncoding.Base64 or ContentEncoding.QuotedPrintable)
        {
            body = part.Text.Replace("\r\n", "\n").Split('\n').ToList();
            lineOffset = firstLine + bodyStart;
        }
        else
        {
            body = lines.GetRange(bodyStart, lines.Count - bodyStart);
            lineOffset = firstLine + bodyStart;
        }

        string authorName = from?.Name ?? "", authorEmail = from?.Address ?? "";
        int at = 0;
        // In-body headers (git am honours From: and Subject: at the top of the body).
        while (at < body.Count && InBodyHeader().Match(body[at]) is { Success: true } h)
        {
            if (h.Groups[1].Value == "From" && MailboxAddress.TryParse(h.Groups[2].Value, out var inBody))
            {
                authorName = inBody.Name ?? "";
                authorEmail = inBody.Address;
            }
            else if (h.Groups[1].Value == "Subject")
            {
                subject = h.Groups[2].Value;
            }
            at++;
            if (at < body.Count && body[at].Length == 0)
            {
                at++;
                break;
            }
        }
        int separator = body.FindIndex(at, l => l == "---");
        int firstDiff = body.FindIndex(at, l => l.StartsWith("diff --git ", StringComparison.Ordinal));
        if (firstDiff < 0)
        {
            diagnostics.Add(new Diagnostic(file, firstLine, $"mail '{StripSubjectPrefix(subject)}' has no diff (no 'diff --git' line)"));
            return null;
        }
        int messageEnd = separator >= 0 && separator < firstDiff ? separator : firstDiff;
        var diffs = DiffParser.Parse(file, body, firstDiff, lineOffset, diagnostics);
        if (diagnostics.Count > before)
            return null;
        string message_ = string.Join('\n', body.Skip(at).Take(messageEnd - at)).TrimEnd('\n', ' ');
        string? baseCommit = body.Select(l => BaseCommit().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        var commit = CommitLine().Match(raw);
        return new Patch
        {
            Source = source,
            AuthorName = authorName,
            AuthorEmail = authorEmail,
            Date = message.Date,
            Title = StripSubjectPrefix(subject),
            Body = message_,
            Diffs = diffs,
            Text = raw,
            CommitId = commit.Success ? commit.Groups[1].Value : null,
            BaseCommit = baseCommit,
        };
    }

    /// <summary>Removes the <c>[PATCH v2 3/7]</c>-style tags git am removes.</summary>
    public static string StripSubjectPrefix(string subject)
    {
        string s = Whitespace().Replace(subject, " ").Trim();
        while (true)
        {
            var m = Tag().Match(s);
            if (!m.Success)
                return s;
            s = s[m.Length..].TrimStart();
        }
    }

    private static int LineAt(byte[] bytes, long offset)
    {
        int line = 1;
        for (long k = 0; k < offset && k < bytes.Length; k++)
            if (bytes[k] == (byte)'\n')
                line++;
        return line;
    }

    [GeneratedRegex(@"^(From|Subject|Date): (.*)$")]
    private static partial Regex InBodyHeader();

    [GeneratedRegex(@"^base-commit: ([0-9a-f]{40})\s*$")]
    private static partial Regex BaseCommit();

    [GeneratedRegex(@"^From ([0-9a-f]{40}) ")]
    private static partial Regex CommitLine();

    [GeneratedRegex(@"^(?:\[[^\]]*\]|[Rr][Ee]:)\s*")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
