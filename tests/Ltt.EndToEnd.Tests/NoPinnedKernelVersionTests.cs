using System.Text.RegularExpressions;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// Debian replaces its kernel packages' ABI number (linux-headers-6.1.0-NN-amd64) every few weeks and
/// drops the old one, so a path naming it breaks every fresh machine: tests, tools, CI scripts and the
/// README find the installed kernel instead (Ltt.Tracepoints.Kernels.InstalledKernelHeaders).
/// </summary>
public sealed partial class NoPinnedKernelVersionTests
{
    [GeneratedRegex(@"\b\d+\.\d+\.\d+-\d+-(amd64|common|rt-amd64|cloud-amd64)\b|linux-(headers|image)-\d+\.\d+\.\d+-\d+")]
    private static partial Regex PinnedKernel();

    [Fact]
    public void NoFileNamesADebianKernelAbi()
    {
        string[] roots = ["tests", "tools", ".ci", "templates"];
        var files = roots.Select(r => Path.Combine(RepoPaths.Root, r)).Where(Directory.Exists)
            .SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .Append(Path.Combine(RepoPaths.Root, "README.md"))
            .ToList();

        var pinned = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => PinnedKernel().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(files.Count > 100, $"only {files.Count} files searched");
        Assert.True(pinned.Count == 0, "versioned kernel paths (find the installed kernel instead):\n" + string.Join("\n", pinned));
    }

    [Fact]
    public void TheSearchFindsAPinnedPath()
    {
        // Built from parts: this file must pass the search too.
        string abi = "6.1.0-" + 57;
        Assert.Matches(PinnedKernel(), $"/usr/src/linux-headers-{abi}-amd64");
        Assert.Matches(PinnedKernel(), $"ltt-gen scan /usr/src/linux-headers-{abi}-common");
        Assert.Matches(PinnedKernel(), $"apt-get download linux-image-{abi}-amd64");
        Assert.DoesNotMatch(PinnedKernel(), "$(ls -d /usr/src/linux-headers-*[0-9]-amd64 | sort -V | tail -n1)");
        Assert.DoesNotMatch(PinnedKernel(), "linux-source-6.1");
    }

    private static bool IsBuildOutput(string file)
    {
        string rel = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
        return rel.Contains("/bin/", StringComparison.Ordinal) || rel.Contains("/obj/", StringComparison.Ordinal)
            || rel.EndsWith(".png", StringComparison.Ordinal);
    }
}
