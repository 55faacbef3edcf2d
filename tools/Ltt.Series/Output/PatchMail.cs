using Ltt.Series.Patches;

namespace Ltt.Series.Output;

/// <summary>Everything one outgoing format-patch file says: identity, threading, subject, recipients, message and diffs.</summary>
public sealed record PatchMail
{
    public string CommitId { get; init; } = new('0', 40);
    public string? MessageId { get; init; }
    public string? InReplyTo { get; init; }
    /// <summary>The thread so far, oldest first (default: <see cref="InReplyTo"/> alone).</summary>
    public IReadOnlyList<string>? References { get; init; }
    public required string AuthorName { get; init; }
    public required string AuthorEmail { get; init; }
    public required DateTimeOffset Date { get; init; }
    /// <summary>"[PATCH v2 1/3]" (empty for a bare subject).</summary>
    public required string SubjectPrefix { get; init; }
    public required string Title { get; init; }
    /// <summary>The message under the subject (commit body, or the cover letter text).</summary>
    public required string Body { get; init; }
    public IReadOnlyList<string> To { get; init; } = [];
    public IReadOnlyList<string> Cc { get; init; } = [];
    /// <summary>The diffs; empty for a cover letter, which has no <c>---</c> part.</summary>
    public IReadOnlyList<FileDiff> Diffs { get; init; } = [];
    public string Signature { get; init; } = "2.39.5";
}
