using Ltt.Testing;

namespace Ltt.Series.Tests.Support;

/// <summary>
/// A real kernel branch: upstream 6.1 from Debian's orig tarball as the base commit and
/// Debian's whole patch queue on top, one commit per patch (RealKernel/make-queue-repo.sh,
/// from the two files .ci/install fetched). Built once into .cache/ and reused while the
/// source package version is the same. The repository is bare: nothing is checked out.
/// </summary>
public sealed class DebianQueue
{
    public DebianQueue()
    {
        string folder = Path.Combine(RepoPaths.Root, ".cache", "debian-linux-queue");
        string versionFile = Path.Combine(folder, "version");
        if (!File.Exists(versionFile))
            throw new InvalidOperationException($"no Debian linux source package in {folder}: run 'bash .ci/install' first");
        Version = File.ReadAllText(versionFile).Trim();
        Repository = Path.Combine(folder, "queue.git");
        string built = Path.Combine(Repository, "source-version");
        if (!File.Exists(built) || File.ReadAllText(built).Trim() != Version)
        {
            string orig = Directory.GetFiles(folder, "*.orig.tar.xz").Single();
            string debian = Directory.GetFiles(folder, "*.debian.tar.xz").Single();
            var result = Tools.Run("bash", [RealKernel.Script("make-queue-repo.sh"), orig, debian, Repository], folder);
            if (result.ExitCode != 0)
                throw new InvalidOperationException("make-queue-repo.sh failed: " + result.Error);
            File.WriteAllText(built, Version + "\n");
        }
        Range = File.ReadAllText(Path.Combine(Repository, "queue-range")).Trim();
    }

    /// <summary>The Debian source package version the branch was built from ("6.1.N-M").</summary>
    public string Version { get; }

    public string Repository { get; }

    /// <summary>"BASE..TIP" (full commit ids).</summary>
    public string Range { get; }

    public string Base => Range[..Range.IndexOf("..", StringComparison.Ordinal)];

    public string Tip => Range[(Range.IndexOf("..", StringComparison.Ordinal) + 2)..];
}
