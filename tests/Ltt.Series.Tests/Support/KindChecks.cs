using Ltt.Series.Kinds;
using Ltt.Series.Planning;

namespace Ltt.Series.Tests.Support;

/// <summary>What every plan must show of the kinds, whatever the input: a series holding infrastructure changes and instrumentation says which patch needs which, and it is true.</summary>
public static class KindChecks
{
    public static void MixedSeriesAreExplained(SeriesPlan plan)
    {
        foreach (var s in plan.Series)
        {
            var kinds = s.Patches.Select(p => p.Kind.Kind).ToHashSet();
            string prefix = $"series {s.Number} holds infrastructure changes and instrumentation together: ";
            var note = plan.Notes.SingleOrDefault(n => n.StartsWith(prefix, StringComparison.Ordinal));
            if (!kinds.Contains(PatchKind.Infrastructure) || !kinds.Contains(PatchKind.Instrumentation))
            {
                Assert.Null(note);
                continue;
            }
            Assert.True(note is not null, $"series {s.Number} mixes the kinds and the plan does not say why");
            if (note.Contains("their series needed each other", StringComparison.Ordinal))
                continue;
            // "patch A 'x' (instrumentation) needs patch B 'y' (infrastructure change)": both in the series, and A does need B.
            var numbers = System.Text.RegularExpressions.Regex.Matches(note, @"patch (\d+) '").Select(m => int.Parse(m.Groups[1].Value)).ToList();
            Assert.True(numbers.Count >= 2, note);
            var byInput = s.Patches.ToDictionary(p => p.InputIndex + 1);
            Assert.All(numbers, n => Assert.True(byInput.ContainsKey(n), $"{note}: patch {n} is not in series {s.Number}"));
        }
    }
}
