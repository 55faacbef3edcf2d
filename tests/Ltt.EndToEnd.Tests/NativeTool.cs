using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// A front end built as users of the native tools get it (ltt-split, ltt-trace): the README's
/// publish command, or its three tool packages installed by name. Trim and AOT warnings fail both.
/// </summary>
internal static class NativeTool
{
    /// <summary>The README's publish command, into a folder of its own; the executable's path.</summary>
    public static string Publish(string tool)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"{tool}-native-{Environment.ProcessId}");
        var (code, output, error) = IsolatedProcess.Run("dotnet",
            ["publish", Path.Combine(RepoPaths.Root, "tools", tool), "-c", "Release", "-r", "linux-x64", "-o", folder, "-p:TreatWarningsAsErrors=true"],
            RepoPaths.Root, home: null, timeout: TimeSpan.FromMinutes(20));
        Assert.True(code == 0, $"dotnet publish failed:\n{output}\n{error}");
        string executable = Path.Combine(folder, tool);
        Assert.True(File.Exists(executable), "no native executable in " + folder);
        return executable;
    }

    /// <summary>
    /// The README's packing under <paramref name="root"/>: the package users install by name, the
    /// native one it points to for linux-x64 and a JIT one for every other platform; then installed
    /// by name. The installed executable's path, checked to be the native one.
    /// </summary>
    public static string PackAndInstall(string tool, string root)
    {
        string feed = Path.Combine(root, "nupkg-" + Guid.NewGuid().ToString("N")[..8]);
        string tools = Path.Combine(root, "tools-" + Guid.NewGuid().ToString("N")[..8]);
        string project = Path.Combine(RepoPaths.Root, "tools", tool);
        // A version of its own: NuGet's package cache would otherwise hand over an older 1.0.0.
        string version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..12];
        foreach (string[] rid in new[] { Array.Empty<string>(), ["-r", "linux-x64"], ["-r", "any"] })
        {
            var pack = IsolatedProcess.Run("dotnet", ["pack", project, "-c", "Release", .. rid, "-o", feed, "-p:TreatWarningsAsErrors=true", "-p:PackageVersion=" + version],
                RepoPaths.Root, home: null, timeout: TimeSpan.FromMinutes(20));
            Assert.True(pack.ExitCode == 0, $"dotnet pack {string.Join(' ', rid)} failed:\n{pack.Output}\n{pack.Error}");
        }
        var install = IsolatedProcess.Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, tool, "--version", version],
            RepoPaths.Root, home: null, timeout: TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, install.Output + install.Error);

        string installed = new FileInfo(Path.Combine(tools, tool)).ResolveLinkTarget(returnFinalTarget: true)?.FullName
            ?? Path.Combine(tools, tool);
        string folder = Path.GetDirectoryName(installed)!;
        Assert.Contains(tool + ".linux-x64", installed, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, tool + ".dll")), $"{folder} holds {tool}.dll: the installed tool is a JIT build");
        return installed;
    }
}
