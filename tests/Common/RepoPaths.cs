using System.Reflection;

namespace Ltt.Testing;

/// <summary>Where the repository's own inputs are: kernel-tree/, patches/, templates/ and test data.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string KernelTree => Path.Combine(Root, "kernel-tree");

    public static string Patches => Path.Combine(Root, "patches");

    public static string Templates => Path.Combine(Root, "templates");

    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", .. parts]);

    private static string FindRoot()
    {
        string? fromBuild = typeof(RepoPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "Toolkit.sln")))
            return Path.GetFullPath(fromBuild);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Toolkit.sln) above " + AppContext.BaseDirectory);
    }
}
