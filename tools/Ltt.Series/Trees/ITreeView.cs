namespace Ltt.Series.Trees;

/// <summary>
/// A kernel tree as ltt-split reads it: a directory on disk or a commit of a git repository.
/// Routing asks it which paths are directories (a MAINTAINERS pattern naming a directory
/// matches everything below it), reads <c>MAINTAINERS</c>, <c>.mailmap</c> and touched
/// binding files from it, and the apply proof reads the files the patches touch. Two
/// implementations, so that a git range is checked against its own commits whatever is
/// checked out.
/// </summary>
public interface ITreeView : IDisposable
{
    /// <summary>How the tree is named in messages and in the plan: a folder, or "commit 1a2b3c4d5e6f (tip)".</summary>
    string Name { get; }

    /// <summary>How messages name a file of this tree: <c>linux/MAINTAINERS</c>, or <c>1a2b3c4d5e6f:MAINTAINERS</c> as git names a file of a commit.</summary>
    string Describe(string path);

    /// <summary>Whether a path relative to the tree's root is a directory.</summary>
    bool IsDirectory(string path);

    /// <summary>The file at a path relative to the tree's root, or null when there is none.</summary>
    TreeFile? ReadFile(string path);
}
