using Ltt.Series.Patches;

namespace Ltt.Series.Trees;

/// <summary>
/// Which trees a run reads. For a git range both come from the range's repository, whatever
/// is checked out: the apply proof starts from the base commit, and MAINTAINERS (with its
/// directories and <c>.mailmap</c>) is read from the tip unless <c>--maintainers-at</c> names
/// <c>base</c> or another commit. For patch files and mboxes both are the tree on disk.
/// </summary>
public static class TreeSelection
{
    /// <summary>The tree the apply proof starts from.</summary>
    public static (ITreeView? Tree, Diagnostic? Problem) ForProof(PatchSet set, string tree)
    {
        if (set.Repository is not null && set.BaseCommit is not null)
            return Commit(set.Repository, set.BaseCommit, "base");
        return OnDisk(tree);
    }

    /// <param name="at">"base", "tip" or a revision; null for the default (the tip of a range, else the tree on disk).</param>
    public static (ITreeView? Tree, Diagnostic? Problem) ForMaintainers(PatchSet set, string tree, string? at)
    {
        if (set.Repository is null || set.TipCommit is null)
        {
            return at is null ? OnDisk(tree)
                : (null, new Diagnostic("--maintainers-at", 0, "chooses a commit of a git range: give the range with --repo DIR BASE..TIP"));
        }
        return (at ?? "tip") switch
        {
            "tip" => Commit(set.Repository, set.TipCommit, "tip"),
            "base" => Commit(set.Repository, set.BaseCommit!, "base"),
            string revision => Commit(set.Repository, revision, revision),
        };
    }

    private static (ITreeView?, Diagnostic?) OnDisk(string tree) =>
        Directory.Exists(tree) ? (new DirectoryTree(tree), null) : (null, new Diagnostic(tree, 0, "tree directory not found"));

    private static (ITreeView?, Diagnostic?) Commit(string repository, string revision, string role)
    {
        var (commit, problem) = CommitTree.Open(repository, revision, role == revision ? "" : role);
        return commit is null ? (null, new Diagnostic(repository, 0, problem!)) : (commit, null);
    }
}
