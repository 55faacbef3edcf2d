using LibGit2Sharp;

namespace Ltt.Series.Trees;

/// <summary>
/// The tree of one commit, read from the repository's objects (LibGit2Sharp): the working
/// tree and whatever is checked out play no part.
/// </summary>
public sealed class CommitTree : ITreeView
{
    private readonly Repository _repository;
    private readonly Tree _tree;

    private CommitTree(Repository repository, Commit commit, string role)
    {
        _repository = repository;
        _tree = commit.Tree;
        Sha = commit.Sha;
        Name = $"commit {commit.Sha[..12]}" + (role.Length > 0 ? $" ({role})" : "");
    }

    public string Sha { get; }

    public string Name { get; }

    /// <summary>Opens the commit a revision names (a sha, a branch, a tag); null with a reason when it names none.</summary>
    /// <param name="role">What the commit is to the user ("base", "tip"), shown in <see cref="Name"/>.</param>
    public static (CommitTree? Tree, string? Problem) Open(string repositoryPath, string revision, string role = "")
    {
        if (!Repository.IsValid(repositoryPath))
            return (null, "not a git repository");
        var repository = new Repository(repositoryPath);
        var commit = Resolve(repository, revision);
        if (commit is null)
        {
            repository.Dispose();
            return (null, $"'{revision}' is not a commit of this repository");
        }
        return (new CommitTree(repository, commit, role), null);
    }

    /// <summary>The commit a revision names, following annotated tags; null when it names none.</summary>
    public static Commit? Resolve(Repository repository, string revision)
    {
        try
        {
            return repository.Lookup(revision) switch
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

    public string Describe(string path) => $"{Sha[..12]}:{path}";

    public bool IsDirectory(string path)
    {
        path = path.TrimEnd('/');
        return path.Length > 0 && Entry(path) is { TargetType: TreeEntryTargetType.Tree };
    }

    public TreeFile? ReadFile(string path)
    {
        if (Entry(path) is not { TargetType: TreeEntryTargetType.Blob } entry)
            return null;
        var blob = (Blob)entry.Target;
        using var stream = blob.GetContentStream();
        var content = new byte[blob.Size];
        stream.ReadExactly(content);
        return new TreeFile(content, entry.Mode == Mode.ExecutableFile);
    }

    private TreeEntry? Entry(string path)
    {
        try
        {
            return _tree[path];
        }
        catch (LibGit2SharpException)
        {
            return null; // a path git cannot hold ("a//b"): no such entry
        }
    }

    public void Dispose() => _repository.Dispose();
}
