using Ltt.Series.Routing;
using Ltt.Series.Tests.Support;

namespace Ltt.Series.Tests;

/// <summary>
/// Parity with the kernel's scripts/get_maintainer.pl on a realistic series against the real
/// 6.1 tree: every patch must get exactly the script's addresses in the script's order.
/// Golden answers come from RealKernel/make-golden.sh; one test runs the script live.
/// </summary>
[Collection(RealKernelCollection.Name)]
public sealed class RealKernelParityTests(RealKernel kernel)
{
    private static readonly string[] ScriptOptions =
        ["--no-tree", "--nogit", "--nogit-fallback", "--nogit-blame", "--nofixes", "--norolestats"];

    private MaintainersRouter Router()
    {
        var setup = RoutingSetup.Open(kernel.Tree);
        Assert.Empty(setup.Diagnostics);
        return setup.Router!;
    }

    [Fact]
    public void Every_patch_gets_the_scripts_recipients_in_the_scripts_order()
    {
        var router = Router();
        Assert.Equal(RealKernel.PatchCount, kernel.Patches.Count);
        var mismatches = new List<string>();
        foreach (string patch in kernel.Patches)
        {
            string golden = RealKernel.Script(Path.Combine("golden", Path.GetFileNameWithoutExtension(patch) + ".expected"));
            Assert.True(File.Exists(golden), $"no golden file {golden}: run tests/Ltt.Series.Tests/RealKernel/make-golden.sh");
            var variants = File.ReadAllText(golden).Split("~~ or ~~\n").Select(v => v.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var ours = router.Route(patch, File.ReadAllText(patch)).All.ToList();
            if (!variants.Any(v => v.SequenceEqual(ours)))
                mismatches.Add($"{Path.GetFileName(patch)}:\n  ours:   {string.Join(", ", ours)}\n  script: {string.Join(", ", variants[0])}");
        }
        Assert.True(mismatches.Count == 0, $"{kernel.Patches.Count - mismatches.Count}/{kernel.Patches.Count} agree\n" + string.Join("\n", mismatches));
    }

    /// <summary>ltt-split route reads MAINTAINERS for the routed paths alone: the answers must be the whole file's.</summary>
    [Fact]
    public void Routing_with_only_the_sections_the_paths_need_gives_the_same_answers()
    {
        var full = Router();
        var texts = kernel.Patches.Select(File.ReadAllText).ToList();
        var targeted = RoutingSetup.Open(new Trees.DirectoryTree(kernel.Tree), null, texts.SelectMany(PatchScan.Paths));
        Assert.Empty(targeted.Diagnostics);
        for (int i = 0; i < texts.Count; i++)
        {
            var (expected, actual) = (full.Route(kernel.Patches[i], texts[i]), targeted.Router!.Route(kernel.Patches[i], texts[i]));
            Assert.Equal(expected.All, actual.All);
            Assert.Equal(expected.Sections, actual.Sections);
            Assert.Equal(expected.Recipients.Select(r => r.Reason), actual.Recipients.Select(r => r.Reason));
            // Alone, each patch needs a small part of the file.
            var alone = RoutingSetup.Open(new Trees.DirectoryTree(kernel.Tree), null, PatchScan.Paths(texts[i])).Router!;
            Assert.Equal(expected.All, alone.Route(kernel.Patches[i], texts[i]).All);
            Assert.True(alone.Index.File.Sections.Sum(s => s.Entries.Count) < full.Index.File.Sections.Sum(s => s.Entries.Count) / 4, kernel.Patches[i]);
        }
    }

    /// <summary>The routing cache (~/.cache/ltt) on the real file: cold and warm, all patches and each alone, the answers of a fresh parse.</summary>
    [Fact]
    public void Routing_from_the_cache_gives_the_same_answers()
    {
        var texts = kernel.Patches.Select(File.ReadAllText).ToList();
        string folder = Path.Combine(Path.GetTempPath(), "ltt-routing-cache-real-" + Guid.NewGuid().ToString("N"));
        try
        {
            var fresh = RoutingSetup.Open(new Trees.DirectoryTree(kernel.Tree), null, texts.SelectMany(PatchScan.Paths)).Router!;
            var cache = new RoutingCache(folder);
            var cold = RoutingSetup.Open(new Trees.DirectoryTree(kernel.Tree), null, texts.SelectMany(PatchScan.Paths), cache);
            var warm = RoutingSetup.Open(new Trees.DirectoryTree(kernel.Tree), null, texts.SelectMany(PatchScan.Paths), cache);
            Assert.Empty(cold.Diagnostics);
            Assert.Empty(warm.Diagnostics);
            Assert.Single(Directory.GetFiles(folder));
            for (int i = 0; i < texts.Count; i++)
            {
                var expected = fresh.Route(kernel.Patches[i], texts[i]);
                var alone = RoutingSetup.Open(new Trees.DirectoryTree(kernel.Tree), null, PatchScan.Paths(texts[i]), cache).Router!;
                foreach (var router in new[] { cold.Router!, warm.Router!, alone })
                {
                    var actual = router.Route(kernel.Patches[i], texts[i]);
                    Assert.Equal(expected.All, actual.All);
                    Assert.Equal(expected.Sections, actual.Sections);
                    Assert.Equal(expected.Recipients, actual.Recipients);
                }
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void Live_script_agrees_on_a_few_patches()
    {
        var router = Router();
        foreach (string patch in kernel.Patches.Where((_, i) => i % 20 == 5))
        {
            var answers = new List<string[]>();
            foreach (string seed in new[] { "0", "2", "4" })
            {
                var run = Tools.Run("perl", [Path.Combine(kernel.Tree, "scripts", "get_maintainer.pl"), .. ScriptOptions, patch], kernel.Tree,
                    new Dictionary<string, string> { ["PERL_HASH_SEED"] = seed, ["PERL_PERTURB_KEYS"] = "2" });
                Assert.True(run.ExitCode == 0, $"get_maintainer.pl failed on {patch}: {run.Error}");
                answers.Add(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
            var ours = router.Route(patch, File.ReadAllText(patch)).All.ToList();
            Assert.True(answers.Any(a => a.SequenceEqual(ours)),
                $"{Path.GetFileName(patch)}\n  ours:   {string.Join(", ", ours)}\n  script: {string.Join(", ", answers[0])}");
        }
    }

    [Fact]
    public void Real_series_splits_and_the_proof_holds()
    {
        var result = SplitSession.Run(new SplitRequest
        {
            Input = kernel.PatchDirectory,
            Tree = kernel.Tree,
            TemplatePath = Path.Combine(Ltt.Testing.RepoPaths.Templates, "series", "cover-letter.sbn"),
            Plan = new Planning.PlanOptions { SplitMixed = true },
        });
        Assert.True(result.Outcome == SplitOutcome.Done, string.Join("\n", result.Diagnostics));
        Assert.True(result.Check!.Holds);
        var plan = result.Plan!;
        int planned = plan.Series.Sum(s => s.Patches.Count);
        Assert.True(planned > RealKernel.PatchCount, $"mixed patches were not split ({planned} planned)");
        Assert.Contains(plan.Notes, n => n.Contains("split into 2 patches"));
        Assert.Equal(plan.Series.Count, result.Check.SeriesStats.Count);
    }

    [Fact]
    public void Real_maintainers_file_parses_without_diagnostics()
    {
        var file = Maintainers.MaintainersParser.ParseFile(Path.Combine(kernel.Tree, "MAINTAINERS"));
        Assert.Empty(file.Diagnostics);
        Assert.True(file.Sections.Count > 2500, $"only {file.Sections.Count} sections");
        Assert.Equal("THE REST", file.Sections[^1].Name);
    }
}
