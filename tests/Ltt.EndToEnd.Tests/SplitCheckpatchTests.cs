using System.Diagnostics;
using System.Text.RegularExpressions;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// <c>ltt-split series --checkpatch</c>: the kernel's checkpatch.pl (linux-source-6.1, unpacked by
/// .ci/install) runs on every written patch; its findings and totals are reported as the script
/// itself reports them when run by hand, and an ERROR fails the command.
/// </summary>
public sealed partial class SplitCheckpatchTests(SplitFixture fixture) : IClassFixture<SplitFixture>
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1", "scripts", "checkpatch.pl");

    private string NewOutput() => Path.Combine(fixture.Root, "cp-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Findings_are_checkpatch_pl_s_own_and_a_clean_series_passes()
    {
        var (code, stdout, written, errors, warnings) = SplitAndCheck(fixture.Patches);
        Assert.Equal(6, written);
        Assert.Equal(errors > 0 ? 1 : 0, code);
        Assert.Matches($@"checkpatch: \d+ of 6 patches clean, {errors} errors, {warnings} warnings", stdout);
    }

    [Fact]
    public void An_error_in_the_sample_patchset_fails_the_command_after_writing()
    {
        var (code, stdout, written, errors, warnings) = SplitAndCheck(RepoPaths.Patches);
        Assert.Equal(40, written);
        // patches/ is 2009-era code: checkpatch 6.1 finds COMPLEX_MACRO errors in the immediate-values header.
        Assert.True(errors > 0, "checkpatch.pl by hand found no error in patches/");
        Assert.Equal(1, code);
        Assert.Matches($@"checkpatch: \d+ of 40 patches clean, {errors} errors, {warnings} warnings", stdout);
        Assert.Contains("ERROR:", stdout);
    }

    [Fact]
    public void On_a_terminal_the_checkpatch_runs_draw_their_progress()
    {
        // script(1) gives ltt-split a terminal of its own and keeps what it was sent.
        string output = NewOutput(), typescript = output + ".typescript";
        string command = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "ltt-split.dll")}' series '{fixture.Patches}' --tree '{fixture.Tree}' -o '{output}' --checkpatch '{Script}'";
        var (code, _, error) = IsolatedProcess.Run("script", ["-qec", command, typescript], fixture.Root, home: null,
            environment: new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLUMNS"] = "160" });

        Assert.True(code is 0 or 1, error);
        string screen = File.ReadAllText(typescript);
        Assert.Contains("checkpatch.pl: 6 of 6 patches", screen);
        Assert.Contains("100%", screen);
        Assert.Matches(@"checkpatch: \d+ of 6 patches clean", screen);
    }

    /// <summary>Splits with --checkpatch, then runs checkpatch.pl by hand on each written patch: every finding it prints must be in the report.</summary>
    private (int Code, string Output, int Written, int Errors, int Warnings) SplitAndCheck(string input)
    {
        Assert.True(File.Exists(Script), $"{Script} is missing: run .ci/install (it unpacks linux-source-6.1)");
        string output = NewOutput();
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", input, "--tree", fixture.Tree, "-o", output, "--checkpatch", Script);
        Assert.True(code is 0 or 1, error);
        var written = Directory.GetFiles(output, "*.patch", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("0000-cover-letter.patch", StringComparison.Ordinal)).ToList();
        int errors = 0, warnings = 0;
        foreach (string patch in written)
        {
            string byHand = RunCheckpatch(patch);
            foreach (Match m in FindingLine().Matches(byHand))
                Assert.Contains($"{patch}:{m.Groups[1].Value}: {m.Groups[2].Value}", stdout);
            var total = TotalLine().Match(byHand);
            if (total.Success)
            {
                errors += int.Parse(total.Groups[1].Value);
                warnings += int.Parse(total.Groups[2].Value);
            }
        }
        if (errors > 0)
            Assert.Contains("the series are written", error);
        return (code, stdout, written.Count, errors, warnings);
    }

    [Fact]
    public void Missing_script_and_dry_run_are_refused_before_anything_is_written()
    {
        string output = NewOutput();
        var missing = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", output, "--checkpatch", "/nonexistent/checkpatch.pl");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("/nonexistent/checkpatch.pl: checkpatch.pl not found", missing.Error);
        Assert.False(Directory.Exists(output));

        // kernel-tree has no scripts/: the default script is named in the error.
        var noDefault = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", output, "--checkpatch");
        Assert.Equal(2, noDefault.ExitCode);
        Assert.Contains(Path.Combine("scripts", "checkpatch.pl") + ": checkpatch.pl not found", noDefault.Error);

        var dryRun = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "--checkpatch", Script);
        Assert.Equal(2, dryRun.ExitCode);
        Assert.Contains("drop --dry-run", dryRun.Error);
        Assert.False(Directory.Exists(output));
    }

    private static string RunCheckpatch(string patch)
    {
        var info = new ProcessStartInfo("perl", [Script, "--no-tree", "--terse", "--show-types", "--no-color", patch])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [GeneratedRegex(@"^[^\n]*?:(\d+): ((?:ERROR|WARNING|CHECK):[A-Z0-9_]+: [^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex FindingLine();

    [GeneratedRegex(@"^total: (\d+) errors, (\d+) warnings", RegexOptions.Multiline)]
    private static partial Regex TotalLine();
}
