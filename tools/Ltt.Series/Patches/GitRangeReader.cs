using System.Text;
using LibGit2Sharp;
using Ltt.Series.Output;
using Ltt.Series.Trees;

namespace Ltt.Series.Patches;

/// <summary>
/// Reads the commits of <c>BASE..TIP</c> from a repository (LibGit2Sharp), oldest first, and
/// turns each into the format-patch text git would write, parsed back like any other patch.
/// The diffs come from git itself (one <c>git diff-tree</c> for the whole range), binary
/// patches included, so <c>git am</c> takes what is written.
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
        var baseCommit = CommitTree.Resolve(repo, baseName);
        var tip = CommitTree.Resolve(repo, tipName);
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
        foreach (var merge in commits.Where(c => c.Parents.Count() > 1))
            diagnostics.Add(new Diagnostic(where, 0, $"commit {merge.Sha[..12]} is a merge; a patchset has no merges"));
        if (diagnostics.Count > 0)
            return new PatchSet([], diagnostics);
        var (texts, problem) = Diffs(repositoryPath, commits);
        if (texts is null)
            return Fail(where, problem!);
        foreach (var commit in commits)
        {
            var lines = texts[commit.Sha].Split('\n');
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
        return new PatchSet(patches, diagnostics) { BaseCommit = baseCommit.Sha, TipCommit = tip.Sha, Repository = repositoryPath };
    }

    /// <summary>
    /// The diff of every commit against its parent as format-patch writes it (renames, git's
    /// binary patches), by one <c>git diff-tree --stdin</c>: libgit2 walks both whole trees for
    /// every commit, which on a kernel-sized tree costs a second or more per commit.
    /// </summary>
    private static (Dictionary<string, string>? Texts, string? Problem) Diffs(string repositoryPath, IReadOnlyList<Commit> commits)
    {
        var (output, problem) = GitCommand.Run(repositoryPath,
            ["-c", "core.quotePath=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
             "diff-tree", "--stdin", "-p", "-M", "--binary", "--no-color", "--find-renames"],
            string.Concat(commits.Select(c => c.Sha + "\n")));
        if (output is null)
            return (null, $"git diff-tree failed: {problem}");
        var texts = commits.ToDictionary(c => c.Sha, _ => "");
        string? current = null;
        var text = new StringBuilder();
        foreach (string line in output.Split('\n'))
        {
            if (line.Length == 40 && texts.ContainsKey(line))
            {
                if (current is not null)
                    texts[current] = text.ToString();
                current = line;
                text.Clear();
                continue;
            }
            text.Append(line).Append('\n');
        }
        if (current is not null)
            texts[current] = text.ToString().TrimEnd('\n') + "\n";
        return (texts, null);
    }

    private static PatchSet Fail(string where, string message) => new([], [new Diagnostic(where, 0, message)]);
}
