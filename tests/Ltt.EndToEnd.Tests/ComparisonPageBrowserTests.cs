using System.Text.RegularExpressions;
using Ltt.Testing;
using LttTrace.Commands;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// The CI validation run's HTML page opened in a real browser (headless chromium, network off):
/// a row per event with the run's numbers, and nothing loaded from outside the page.
/// </summary>
public sealed class ComparisonPageBrowserTests
{
    // Starts a browser: seconds on a quiet machine, close to a minute on a loaded one.
    [Fact]
    [Trait("Category", "Slow")]
    public void The_ci_page_in_a_browser_has_a_row_per_event_and_nothing_from_outside()
    {
        string output = Path.Combine(Path.GetTempPath(), $"ltt-ci-page-{Guid.NewGuid():N}");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            int exit = CiCommand.Run(RepoPaths.KernelTree, output, output + ".xml", null, "ltt-0.105", ["include/trace/sched.h", "include/trace/irq.h"], stdout, stderr);
            Assert.True(exit == 0, stdout.ToString() + stderr);
            var printed = stdout.ToString().Split('\n').Select(l => Regex.Match(l, @"^(\w+)\s+\d+\s+(\d+)\s+(\d+)\s+(\d+)\s*$")).Where(m => m.Success).ToList();
            Assert.NotEmpty(printed);

            string dom = Chromium.DumpDom(output + ".html");
            var table = Regex.Match(dom, @"<table id=""events"">(.*?)</table>", RegexOptions.Singleline);
            Assert.True(table.Success, dom);
            var rows = Regex.Matches(table.Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline).Skip(1).ToList();
            Assert.Equal(printed.Count, rows.Count);
            foreach (var m in printed)
                Assert.Contains(rows, r => r.Value.Contains($"<td>{m.Groups[1].Value}</td>", StringComparison.Ordinal)
                    && r.Value.Contains($"data-value=\"{m.Groups[2].Value}\"", StringComparison.Ordinal));
            Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", dom);
        }
        finally
        {
            foreach (string path in new[] { output + ".xml", output + ".html" })
                File.Delete(path);
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }
}
