using Ltt.Validation.Reports;

namespace Ltt.Validation.Kernel;

/// <summary>A kernel run as JUnit cases: one for the run, one per probe module (built: loads and attaches; not built: skipped, with kbuild's reason).</summary>
public static class KernelRunJunit
{
    /// <summary>The JUnit XML text of a run.</summary>
    public static string Render(KernelRunResult result)
    {
        var cases = new List<JunitCase>
        {
            new("kernel-run", "run") { Failures = result.Problems, Output = string.Join("\n", result.Notes.Prepend(KernelRunJson.Write(result.Counters))) },
        };
        if (result.Build is { } build)
        {
            foreach (string module in build.Built)
                cases.Add(new JunitCase("kernel-run.modules", module) { Failures = [.. result.Problems.Where(p => p.StartsWith($"module {module} ", StringComparison.Ordinal))] });
            // Not built is the generator's limit, not a failed check: a skipped case with the reason.
            foreach (var failed in build.Failed)
                cases.Add(new JunitCase("kernel-run.modules", failed.Module) { Skipped = $"does not build: {failed.Reason}" });
        }
        return JunitWriter.Render("ltt-trace kernel-run", cases, result.Elapsed);
    }
}
