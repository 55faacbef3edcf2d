using Ltt.Validation.Harness;

namespace Ltt.Validation.Reports;

/// <summary>A CI run as JUnit cases: one per event, plus one per trace-wide stage.</summary>
public static class CiJunit
{
    /// <summary>The JUnit XML text of a run.</summary>
    public static string Render(CiRunResult result)
    {
        var cases = new List<JunitCase>();
        if (result.Failure is not null)
            cases.Add(new JunitCase("run", "ci") { Failures = [result.Failure] });
        foreach (var e in result.Events)
        {
            cases.Add(new JunitCase("events", e.Event)
            {
                Failures = [.. result.Mismatches.Where(m => m.Concerns(e.Event)).Select(m => m.ToString())],
                Output = $"recorded {e.Recorded}, decoded {e.Decoded}",
            });
        }
        foreach (var stage in Enum.GetValues<CiStage>())
        {
            var lines = result.Mismatches.Where(m => m.Stage == stage && !result.Events.Any(e => m.Concerns(e.Event))).Select(m => m.ToString());
            cases.Add(new JunitCase("stages", stage.ToString().ToLowerInvariant()) { Failures = [.. lines] });
        }
        return JunitWriter.Render("ltt-trace ci", cases);
    }
}
