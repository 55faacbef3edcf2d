using Ltt.IO;
using Ltt.Probes.Generation;
using Ltt.Testing;
using Ltt.Tracepoints;

namespace Ltt.Probes.Tests;

/// <summary>
/// The kernel's own scripts/checkpatch.pl (from linux-source-6.1, unpacked by .ci/install) on
/// every generated .c and .h of kernel-tree/, for both targets and the harness: no error and
/// no warning, so a generated probe can be posted as it is, and no line past 80 columns
/// (checkpatch's own limit is 100 since linux 5.7; kernel style is 80). Each folder is checked from inside
/// it with bare file names, the strictest way for EMBEDDED_FILENAME (a header naming its file).
/// </summary>
public sealed class CheckpatchTests
{
    private static readonly string Checkpatch = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1", "scripts", "checkpatch.pl");

    [Theory]
    [InlineData("ltt-0.105")]
    [InlineData("tracepoint")]
    public void GeneratedKernelTreeFilesPassCheckpatch(string target)
    {
        Assert.True(File.Exists(Checkpatch), $"{Checkpatch} is missing: run bash .ci/install (it unpacks linux-source-6.1)");
        var output = ProbeGenerator.Generate(new ScanOptions { Tree = RepoPaths.KernelTree }, GenerateFixture.Options with { Target = target });
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics.Concat<object>(output.TemplateErrors)));
        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));

        var folders = output.Files.Keys
            .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
            .GroupBy(f => f[..f.LastIndexOf('/')], StringComparer.Ordinal)
            .ToList();
        Assert.Contains(folders, g => g.Key == "probes");
        if (target == "ltt-0.105")
            Assert.Contains(folders, g => g.Key == "harness");

        var findings = new List<string>();
        int files = 0;
        foreach (var folder in folders)
        {
            var names = folder.Select(f => f[(folder.Key.Length + 1)..]).Order(StringComparer.Ordinal).ToList();
            files += names.Count;
            findings.AddRange(Run(Path.Combine(dir.Path, folder.Key), names).Select(l => folder.Key + "/" + l));
        }
        Assert.True(findings.Count == 0, $"checkpatch on {files} generated files ({target}):\n" + string.Join("\n", findings));
        Assert.True(files >= 10, $"only {files} generated C files");
    }

    /// <summary>The check above is live: checkpatch, run the same way, reports what the templates must avoid.</summary>
    [Fact]
    public void CheckpatchReportsACastIntConstantAndAnEmbeddedFileName()
    {
        Assert.True(File.Exists(Checkpatch), $"{Checkpatch} is missing: run bash .ci/install (it unpacks linux-source-6.1)");
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "bad-trace.c"), "// SPDX-License-Identifier: GPL-2.0\n/* bad-trace.c - probes */\nint x = (int)5;\n");

        var findings = Run(dir.Path, ["bad-trace.c"]);

        Assert.Equal(["bad-trace.c:2: WARNING:EMBEDDED_FILENAME", "bad-trace.c:3: WARNING:TYPECAST_INT_CONSTANT"],
            findings.Select(f => string.Join(':', f.Split(':').Take(4))).ToList());
    }

    /// <summary>checkpatch's findings on <paramref name="names"/>, one per line; a run that fails without one is a finding too.</summary>
    private static List<string> Run(string folder, IReadOnlyList<string> names)
    {
        var run = ToolRun.Start("perl", [Checkpatch, "--no-tree", "--terse", "--show-types", "--no-summary", "--max-line-length=80", "-f", .. names], folder, TimeSpan.FromMinutes(3));
        var findings = (run.Output + run.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!run.Success && findings.Count == 0)
            findings.Add($"{run.Command}: exit {run.ExitCode}");
        return findings;
    }
}
