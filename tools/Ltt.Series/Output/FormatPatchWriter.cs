using System.Globalization;
using System.Text;

namespace Ltt.Series.Output;

/// <summary>
/// Writes a mail the way <c>git format-patch --thread</c> lays it out: the mbox "From" line,
/// Message-Id/In-Reply-To/References, From, Date, Subject, the 8-bit MIME headers when the
/// message is not ASCII, To and Cc, the message, <c>---</c>, the diffstat, the diffs and the
/// <c>-- </c> signature.
/// </summary>
public static class FormatPatchWriter
{
    public static string Render(PatchMail mail)
    {
        var sb = new StringBuilder();
        sb.Append("From ").Append(mail.CommitId).Append(" Mon Sep 17 00:00:00 2001\n");
        if (mail.MessageId is not null)
            sb.Append("Message-Id: <").Append(MailHeaders.Clean(mail.MessageId)).Append(">\n");
        if (mail.InReplyTo is not null)
        {
            sb.Append("In-Reply-To: <").Append(MailHeaders.Clean(mail.InReplyTo)).Append(">\n");
            // git folds the thread one Message-Id per line, continued with a tab.
            sb.Append("References: ").Append(string.Join("\n\t", (mail.References ?? [mail.InReplyTo]).Select(r => $"<{MailHeaders.Clean(r)}>"))).Append('\n');
        }
        sb.Append("From: ").Append(MailHeaders.Address(mail.AuthorName, mail.AuthorEmail)).Append('\n');
        sb.Append("Date: ").Append(Rfc2822(mail.Date)).Append('\n');
        sb.Append(MailHeaders.Subject(mail.SubjectPrefix, mail.Title)).Append('\n');
        if (mail.Body.Any(c => c > 127) || mail.Title.Any(c => c > 127) && mail.Diffs.Count == 0)
            sb.Append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n");
        if (mail.To.Count > 0)
            sb.Append(MailHeaders.List("To", mail.To)).Append('\n');
        if (mail.Cc.Count > 0)
            sb.Append(MailHeaders.List("Cc", mail.Cc)).Append('\n');
        sb.Append('\n');
        if (mail.Diffs.Count == 0)
        {
            sb.Append(mail.Body);
            if (!mail.Body.EndsWith('\n'))
                sb.Append('\n');
        }
        else
        {
            if (mail.Body.Length > 0)
                sb.Append(mail.Body.TrimEnd('\n')).Append('\n');
            sb.Append("---\n").Append(Diffstat.Render(mail.Diffs)).Append('\n');
            foreach (var diff in mail.Diffs)
                sb.Append(diff.Text);
        }
        sb.Append("-- \n").Append(mail.Signature).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>git's RFC 2822 date: the day of the month is not zero-padded.</summary>
    public static string Rfc2822(DateTimeOffset date)
    {
        var inv = CultureInfo.InvariantCulture;
        var offset = date.Offset;
        string sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        return string.Create(inv, $"{date:ddd}, {date.Day} {date:MMM yyyy HH:mm:ss} {sign}{offset.Hours:00}{offset.Minutes:00}");
    }
}
