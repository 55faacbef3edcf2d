using LibGit2Sharp;
using Ltt.Series.Output;

namespace Ltt.Series.Patches;

/// <summary>
/// Reads the commits of <c>BASE..TIP</c> from a repository (LibGit2Sharp), oldest first, and
/// turns each into the format-patch text git would write, parsed back like any other patch.
/// Binary changes come out as "Binary files ... differ" (libgit2 does not write git's binary
/// patch data), which routing reads correctly but git am cannot apply.
/// </summary>
public static class GitRangeReader
{
    public static PatchSet Read(string repositoryPath, string range)
    {
        string where = $"{repositoryPath} ({range})";
        if (!Repository.IsValid(repositoryPath))
            return Fail(repositoryPath, "not a git repository");
        int dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots <= 0 || range.IndexOf("..", dots + 2, StringComparison.Ordinal) >= 0)
            return Fail(where, "expected a range BASE..TIP");
        using var repo = new Repository(repositoryPath);
        string baseName = range[..dots], tipName = range[(dots + 2)..];
        if (tipName.Length == 0)
            tipName = "HEAD";
        var baseCommit = Resolve(repo, baseName);
        var tip = Resolve(repo, tipName);
        if (baseCommit is null)
            return Fail(where, $"'{baseName}' is not a commit of this repository");
        if (tip is null)
            return Fail(where, $"'{tipName}' is not a commit of this repository");
        var commits = repo.Commits.QueryBy(new CommitFilter
        {
            IncludeReachableFrom = tip,
            ExcludeReachableFrom = baseCommit,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        }).ToList();
        if (commits.Count == 0)
            return Fail(where, "the range holds no commit");
        var patches = new List<Patches.Patch>();
        var diagnostics = new List<Diagnostic>();
        var options = new CompareOptions { Similarity = SimilarityOptions.Renames, ContextLines = 3 };
        foreach (var commit in commits)
        {
            if (commit.Parents.Count() > 1)
            {
                diagnostics.Add(new Diagnostic(where, 0, $"commit {commit.Sha[..12]} is a merge; a patchset has no merges"));
                continue;
            }
            var parent = commit.Parents.First();
            string diffText = repo.Diff.Compare<LibGit2Sharp.Patch>(parent.Tree, commit.Tree, options).Content;
            var lines = diffText.Split('\n');
            var diffs = DiffParser.Parse(where, lines, 0, 0, diagnostics);
            string title = commit.MessageShort;
            string body = commit.Message.Length > title.Length ? commit.Message[title.Length..].Trim('\n') : "";
            var mail = new PatchMail
            {
                CommitId = commit.Sha,
                AuthorName = commit.Author.Name,
                AuthorEmail = commit.Author.Email,
                Date = commit.Author.When,
                SubjectPrefix = "[PATCH]",
                Title = title,
                Body = body,
                Diffs = diffs,
            };
            patches.Add(new Patches.Patch
            {
                Source = commit.Sha,
                AuthorName = commit.Author.Name,
                AuthorEmail = commit.Author.Email,
                Date = commit.Author.When,
                Title = title,
                Body = body,
                Diffs = diffs,
                Text = FormatPatchWriter.Render(mail),
                CommitId = commit.Sha,
                BaseCommit = baseCommit.Sha,
            });
        }
        return new PatchSet(patches, diagnostics) { BaseCommit = baseCommit.Sha };
    }

    private static Commit? Resolve(Repository repo, string name)
    {
        try
        {
            return repo.Lookup(name) switch
            {
                Commit c => c,
                TagAnnotation t => t.Target as Commit,
                _ => null,
            };
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private static PatchSet Fail(string where, string message) => new([], [new Diagnostic(where, 0, message)]);
}
