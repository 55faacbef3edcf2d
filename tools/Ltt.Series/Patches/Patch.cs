namespace Ltt.Series.Patches;

/// <summary>
/// One patch of a patchset, whatever it came from (a format-patch file, an mbox message, a
/// commit): its author, date, subject, commit message and file diffs, and the text it was
/// read from, which routing reads line by line as get_maintainer.pl does.
/// </summary>
public sealed record Patch
{
    /// <summary>Where the patch came from: a file path, "mbox#N" or a commit id.</summary>
    public required string Source { get; init; }

    public required string AuthorName { get; init; }

    public required string AuthorEmail { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary>The subject without its <c>[PATCH ...]</c> prefix.</summary>
    public required string Title { get; init; }

    /// <summary>The commit message after the subject, without the trailing blank lines.</summary>
    public required string Body { get; init; }

    public required IReadOnlyList<FileDiff> Diffs { get; init; }

    /// <summary>The full text routing reads (headers, message, diffstat, diffs).</summary>
    public required string Text { get; init; }

    /// <summary>The commit the patch was made from (format-patch's first line), when known.</summary>
    public string? CommitId { get; init; }

    /// <summary>The <c>base-commit:</c> trailer, when the patch carries one.</summary>
    public string? BaseCommit { get; init; }

    public string Author => string.IsNullOrEmpty(AuthorName) ? AuthorEmail : $"{AuthorName} <{AuthorEmail}>";

    public IEnumerable<string> Paths => Diffs.SelectMany(d => d.Change is FileChange.Rename or FileChange.Copy ? new[] { d.OldPath, d.NewPath } : [d.Path]).Distinct();
}
