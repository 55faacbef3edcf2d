using System.Text.RegularExpressions;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// README.md's commands work as written: every <c>sh</c> block runs, in order, in one scratch
/// folder holding copies of <c>kernel-tree/</c> and <c>patches/</c> and a link to <c>.cache/</c>,
/// with <c>ltt-gen</c>, <c>ltt-split</c> and <c>ltt-trace</c> (and the README's spelled-out
/// <c>dotnet run --project tools/ltt-X --</c>) running the built front ends. A block exits 0
/// unless the line above it says <c>&lt;!-- readme-test: exit N: why --&gt;</c>; a block that cannot
/// run here says <c>&lt;!-- readme-test: skip: why --&gt;</c>.
/// </summary>
public sealed partial class ReadmeTests : IDisposable
{
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ltt-readme-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>One fenced <c>sh</c> block: where it starts, its text, and what its marker says.</summary>
    public sealed record Block(int Line, string Text, string? Skip, int ExpectedExit);

    public static IReadOnlyList<Block> Blocks(string readme)
    {
        var lines = readme.Split('\n');
        var blocks = new List<Block>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```sh")
                continue;
            int end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            Assert.True(end > i, $"README.md:{i + 1}: the sh block is not closed");
            string above = i > 0 ? lines[i - 1] : "";
            Match marker = Marker().Match(above);
            bool skipped = marker.Success && !marker.Groups[1].Success;
            string? skip = skipped ? marker.Groups[2].Value : null;
            int exit = marker.Success && marker.Groups[1].Success ? int.Parse(marker.Groups[1].Value) : 0;
            Assert.False(above.Contains("readme-test", StringComparison.Ordinal) && !marker.Success,
                $"README.md:{i}: a readme-test marker reads <!-- readme-test: skip: why --> or <!-- readme-test: exit N: why -->");
            blocks.Add(new Block(i + 2, string.Join('\n', lines[(i + 1)..end]), skip, exit));
            i = end;
        }
        return blocks;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_block_runs_as_written()
    {
        var blocks = Blocks(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));
        // Skipping is for what needs more than this folder, with a reason; the walkthrough itself runs.
        Assert.All(blocks.Where(b => b.Skip is not null), b => Assert.False(string.IsNullOrWhiteSpace(b.Skip), $"README.md:{b.Line}: say why the block is skipped"));
        Assert.True(blocks.Count(b => b.Skip is null) >= 8, $"only {blocks.Count(b => b.Skip is null)} of {blocks.Count} README blocks run");

        Copy(RepoPaths.KernelTree, Path.Combine(_work, "kernel-tree"));
        Copy(RepoPaths.Patches, Path.Combine(_work, "patches"));
        string cache = Path.Combine(RepoPaths.Root, ".cache");
        if (Directory.Exists(cache))
            Directory.CreateSymbolicLink(Path.Combine(_work, ".cache"), cache);

        string bin = AppContext.BaseDirectory;
        foreach (var (block, index) in blocks.Select((b, k) => (b, k)).Where(p => p.b.Skip is null))
        {
            string script = string.Join('\n',
                $"exec > '{_work}/.block-{index}.out'",
                $"ltt-gen() {{ dotnet '{bin}ltt-gen.dll' \"$@\"; }}",
                $"ltt-split() {{ dotnet '{bin}ltt-split.dll' \"$@\"; }}",
                $"ltt-trace() {{ dotnet '{bin}ltt-trace.dll' \"$@\"; }}",
                block.ExpectedExit == 0 ? "set -eo pipefail" : "",
                SpelledOut().Replace(block.Text, "$1"));
            var run = IsolatedProcess.Run("bash", ["-c", script], _work, home: null);
            Assert.True(run.ExitCode == block.ExpectedExit,
                $"README.md:{block.Line}: the block exits {run.ExitCode}, not {block.ExpectedExit}\n{block.Text}\n--- stderr (tail)\n{Tail(run.Error)}");
        }
    }

    [Fact]
    public void Markers_are_read_as_documented()
    {
        var blocks = Blocks("a\n```sh\ntrue\n```\n<!-- readme-test: skip: needs a real tree -->\n```sh\nfalse\n```\n" +
            "<!-- readme-test: exit 1: checkpatch errors -->\n```sh\nexit 1\n```\n```c\nint x;\n```\n");
        Assert.Equal([new Block(3, "true", null, 0), new Block(7, "false", "needs a real tree", 0), new Block(11, "exit 1", null, 1)], blocks);
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(30));

    private static void Copy(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^<!-- readme-test: (?:skip|exit (\d+)): (.+?) -->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"dotnet run --project tools/(ltt-gen|ltt-split|ltt-trace) --")]
    private static partial Regex SpelledOut();
}
