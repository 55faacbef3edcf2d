using System.Diagnostics;
using Ltt.Testing;

namespace Ltt.Fuzz.Tests;

/// <summary>
/// Every saved input of every fuzz target, replayed on the ordinary (uninstrumented) build:
/// the seeds (tests/Ltt.Fuzz/seeds/), the kept corpus (corpus/) and the findings kept as
/// regression cases (regressions/). Each must return without an exception, within a second.
/// </summary>
public sealed class ReplayTests
{
    private static string Fuzz(params string[] parts) => RepoPaths.TestData(["Ltt.Fuzz", .. parts]);

    public static TheoryData<string> Targets() => new(FuzzTargets.All.Select(t => t.Name));

    public static IEnumerable<string> Inputs(string target)
    {
        string seeds = Fuzz("seeds", target + ".txt");
        if (File.Exists(seeds))
        {
            foreach (string line in File.ReadLines(seeds).Where(l => l.Length > 0))
                yield return Path.Combine(RepoPaths.Root, line);
        }
        foreach (string folder in new[] { "corpus", "regressions" })
        {
            string dir = Fuzz(folder, target);
            if (Directory.Exists(dir))
            {
                foreach (string file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
                    yield return file;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task EverySavedInputReturnsWithinASecond(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var inputs = Inputs(name).ToList();
        Assert.True(File.Exists(Fuzz("seeds", name + ".txt")), $"target {name} has no seeds file");
        Assert.NotEmpty(inputs);
        target.Run(File.ReadAllBytes(inputs[0])); // JIT and one-time set-up out of the timing
        foreach (string input in inputs)
        {
            Assert.True(File.Exists(input), $"{input} is listed but missing");
            var bytes = File.ReadAllBytes(input);
            string shown = Path.GetRelativePath(RepoPaths.Root, input);
            var watch = Stopwatch.StartNew();
            // On a thread of its own, so an input that never returns fails this case instead of hanging the run.
            var run = Task.Run(() => Record.Exception(() => target.Run(bytes)));
            Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))) == run, $"{shown}: still running after 10 s");
            var error = await run;
            Assert.True(error is null, $"{shown}: {error}");
            Assert.True(watch.ElapsedMilliseconds < 1000, $"{shown}: {watch.ElapsedMilliseconds} ms");
        }
    }

    [Fact]
    public void EveryTargetHasADictionaryOrSaysWhyNot()
    {
        foreach (var target in FuzzTargets.All.Where(t => t.Name != "ctf-stream" && t.Name != "ftrace-pages"))
            Assert.True(File.Exists(Fuzz("dict", target.Name + ".dict")), $"no dictionary for {target.Name}");
    }
}
