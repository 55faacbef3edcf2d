using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// ltt-split on the repository's own patchset (patches/ against kernel-tree/): the routes,
/// the plan and every written file must equal the reviewed golden output in SplitGolden/
/// (regenerate.sh writes it), and every route must equal get_maintainer.pl's.
/// </summary>
public sealed class SplitAcceptanceTests
{
    private static string Golden(params string[] parts) => RepoPaths.TestData(["Ltt.EndToEnd.Tests", "SplitGolden", .. parts]);

    [Fact]
    public void Routes_equal_the_golden_json()
    {
        var (code, output, error) = SplitFixture.LttSplit(RepoPaths.Root, "route", "patches", "--tree", "kernel-tree", "--json");
        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(Golden("route.json")), output);
    }

    [Fact]
    public void Plan_equals_the_golden_plan()
    {
        var (code, output, error) = SplitFixture.LttSplit(RepoPaths.Root, "series", "patches", "--tree", "kernel-tree", "--dry-run");
        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(Golden("plan.txt")), output);
    }

    [Fact]
    public void Written_series_equal_the_golden_files()
    {
        string output = Path.Combine(Path.GetTempPath(), "ltt-split-accept-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, error) = SplitFixture.LttSplit(RepoPaths.Root, "series", "patches", "--tree", "kernel-tree", "-o", output);
            Assert.True(code == 0, error);
            // What a maintainer receives; the hidden marker that lets ltt-split replace the folder next time is not part of it.
            static List<string> Mail(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f)).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
            var expected = Mail(Golden("series"));
            Assert.Equal(expected, Mail(output));
            Assert.True(File.Exists(Path.Combine(output, ".ltt-split-output")));
            foreach (string file in expected)
                Assert.Equal(File.ReadAllText(Golden("series", file)), File.ReadAllText(Path.Combine(output, file)));
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Every_route_equals_get_maintainer_pl()
    {
        string script = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1", "scripts", "get_maintainer.pl");
        Assert.True(File.Exists(script), $"{script} is missing: run 'bash .ci/install'");
        var (code, output, error) = SplitFixture.LttSplit(RepoPaths.Root, "route", "patches", "--tree", "kernel-tree", "--json");
        Assert.True(code == 0, error);
        foreach (var p in System.Text.Json.JsonDocument.Parse(output).RootElement.EnumerateArray())
        {
            string patch = Path.Combine(RepoPaths.Root, p.GetProperty("patch").GetString()!);
            var perl = SplitFixture.Run("perl", [script, "--no-tree", "--nogit", "--nogit-fallback", "--nogit-blame", "--nofixes", "--norolestats", patch], RepoPaths.KernelTree);
            Assert.True(perl.ExitCode == 0, perl.Error);
            Assert.Equal(perl.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), p.GetProperty("all").EnumerateArray().Select(e => e.GetString()));
        }
    }
}
