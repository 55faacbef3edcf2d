using System.Text.RegularExpressions;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// <c>ltt-split series -v 2 --previous v1</c> (<see cref="SecondPostingFixture"/>): each v2
/// series continues the v1 series it was matched to, the plan and cover letters say what
/// changed, the range-diff in a cover letter is what <c>git range-diff</c> prints for the
/// two versions applied by hand, the cover letters thread to v1's, and every v2 series still
/// applies with git am and gives the v2 tree.
/// </summary>
public sealed partial class SecondPostingTests(SecondPostingFixture fixture) : IClassFixture<SecondPostingFixture>
{
    private static readonly string[] Edited =
    [
        "kallsyms: export kallsyms_lookup()",
        "LTTng tracer: trace control",
        "block: trace the end of a request with its error",
    ];

    private string V1Folder(string part) => Path.GetFileName(Directory.GetDirectories(fixture.V1).Single(d => Path.GetFileName(d).EndsWith("-" + part, StringComparison.Ordinal)));

    private string V2Cover(string part) =>
        File.ReadAllText(Directory.GetFiles(Directory.GetDirectories(fixture.V2).Single(d => Path.GetFileName(d).EndsWith("-" + part, StringComparison.Ordinal)), "v2-0000-cover-letter.patch").Single());

    [Fact]
    public void Each_series_is_matched_to_the_one_it_continues_and_new_and_gone_series_are_said()
    {
        var (code, plan, error) = fixture.Plan;
        Assert.True(code == 0, error + plan);
        Assert.Contains($"read against v1 in {fixture.V1}: 15 series continue one, 1 new, 1 gone\n", plan);
        Assert.Matches(@"\nseries \d+: LOCKING PRIMITIVES  \(new\)\n   40\. \[infra\] \[added\] wait: say in which order wake-ups are traced\n", plan);
        Assert.Contains($"note: v1 series {V1Folder("x86-mm")} ('x86: mark bad page faults') is gone: its patches were dropped\n", plan);
        Assert.Contains($"series 2: KALLSYMS  (continues v1 {V1Folder("kallsyms")}: same subsystem, 1 of its 1 patch)\n", plan);
        // Every v1 series but the gone one is continued exactly once.
        var continued = ContinuesLine().Matches(plan).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Directory.GetDirectories(fixture.V1).Select(Path.GetFileName).Where(f => f != V1Folder("x86-mm")).Order(StringComparer.Ordinal),
            continued.Order(StringComparer.Ordinal));
        // The three edited patches (a diff, a comment, a message) are changed; the other 36 of v1 unchanged.
        var tagged = PatchLine().Matches(plan).Select(m => (Change: m.Groups[1].Value, Title: m.Groups[2].Value)).ToList();
        Assert.Equal(Edited.Order(StringComparer.Ordinal), tagged.Where(t => t.Change == "changed").Select(t => t.Title).Order(StringComparer.Ordinal));
        Assert.Equal(36, tagged.Count(t => t.Change == "unchanged"));
        Assert.Equal(["wait: say in which order wake-ups are traced"], tagged.Where(t => t.Change == "added").Select(t => t.Title));
        Assert.Equal(40, tagged.Count);
    }

    [Fact]
    public void Cover_letters_say_what_changed_and_mark_unchanged_patches()
    {
        Assert.True(fixture.V2Run.ExitCode == 0, fixture.V2Run.Error + fixture.V2Run.Output);
        string kallsyms = V2Cover("kallsyms");
        Assert.Contains($"\nChanges since v1:\n{SecondPostingFixture.ChangesText}\n- Continues v1 series {V1Folder("kallsyms")} (same subsystem, 1 of its 1 patch):\n"
            + "  [changed]   1/1 kallsyms: export kallsyms_lookup()\n", kallsyms);
        string markers = V2Cover("markers");
        Assert.Equal(7, Regex.Count(markers, @"\n  \[unchanged\] \d/7 "));
        Assert.DoesNotContain("[changed]", markers);
        Assert.Contains("\n- New in v2: no series of v1 had these patches.\n", V2Cover("locking-primitives"));
        Assert.DoesNotContain("Range-diff", V2Cover("locking-primitives"));
        // The kinds are in every cover letter.
        Assert.Contains("\nKinds of patches (new code, instrumentation, infrastructure change):\n  1/1 infrastructure change: changes kernel/kallsyms.c beyond\n"
            + "      instrumentation: '+EXPORT_SYMBOL(kallsyms_lookup);'\n", kallsyms);
    }

    [Fact]
    public void Cover_letters_thread_to_the_v1_cover_letter_of_the_series_they_continue()
    {
        Assert.True(fixture.V2Run.ExitCode == 0, fixture.V2Run.Error);
        foreach (string folder in Directory.GetDirectories(fixture.V2))
        {
            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
            string cover = File.ReadAllText(files[0]);
            string coverId = Header(cover, "Message-Id");
            var continues = Regex.Match(cover, @"\n- Continues v1 series (\S+) \(");
            if (!continues.Success)
            {
                Assert.DoesNotContain("\nIn-Reply-To:", cover.Split("\n\n")[0]);
                continue;
            }
            string v1Cover = File.ReadAllText(Directory.GetFiles(Path.Combine(fixture.V1, continues.Groups[1].Value), "*0000-cover-letter.patch").Single());
            string v1Id = Header(v1Cover, "Message-Id");
            Assert.Equal(v1Id, Header(cover, "In-Reply-To"));
            Assert.Equal(v1Id, Header(cover, "References"));
            foreach (string patch in files.Skip(1).Select(File.ReadAllText))
            {
                Assert.Equal(coverId, Header(patch, "In-Reply-To"));
                Assert.Equal($"{v1Id}\n\t{coverId}", Header(patch, "References"));
            }
        }
    }

    [Fact]
    public void Range_diffs_are_git_range_diff_of_the_two_versions_and_every_v2_series_applies()
    {
        Assert.True(fixture.V2Run.ExitCode == 0, fixture.V2Run.Error);
        Assert.Contains("every series applies on its base and together they give the original tree", fixture.V2Run.Output);
        // Both versions applied by hand with git am on the whole of kernel-tree/, series by series.
        string repo = Path.Combine(fixture.Root, "by-hand-" + Guid.NewGuid().ToString("N")[..8]);
        SplitFixture.CopyDirectory(RepoPaths.KernelTree, repo);
        SplitFixture.GitIn(repo, "init", "-q");
        SplitFixture.GitIn(repo, "add", "-A");
        SplitFixture.GitIn(repo, "-c", "user.name=Base", "-c", "user.email=base@example.org", "commit", "-q", "-m", "base");
        string @base = SplitFixture.GitIn(repo, "rev-parse", "HEAD").Trim();
        var v1 = ApplyEach(repo, fixture.V1, "v1", @base);
        var v2 = ApplyEach(repo, fixture.V2, "v2", @base);
        // All v2 series together give the tree of v2's patches applied as they were given.
        SplitFixture.GitIn(repo, "checkout", "-q", "-b", "v2-as-given", @base);
        SplitFixture.GitIn(repo, ["am", "-q", .. Directory.GetFiles(fixture.V2Patches, "*.patch").Order(StringComparer.Ordinal)]);
        Assert.Equal(SplitFixture.GitIn(repo, "rev-parse", "v2-as-given^{tree}"), SplitFixture.GitIn(repo, "rev-parse", "v2^{tree}"));

        int compared = 0;
        foreach (var (folder, range) in v2)
        {
            string cover = File.ReadAllText(Directory.GetFiles(Path.Combine(fixture.V2, folder), "v2-0000-cover-letter.patch").Single());
            var continues = Regex.Match(cover, @"\n- Continues v1 series (\S+) \(");
            if (!continues.Success)
                continue;
            string ours = RangeDiffOf(cover);
            string theirs = SplitFixture.GitIn(repo, "range-diff", "--no-color", v1[continues.Groups[1].Value], range).TrimEnd('\n');
            Assert.Equal(WithoutCommitIds(theirs), WithoutCommitIds(ours));
            compared++;
        }
        Assert.Equal(15, compared);
        // The edits show: the kallsyms export, and unchanged patches as '='.
        Assert.Contains("    -+EXPORT_SYMBOL_GPL(kallsyms_lookup);\n    ++EXPORT_SYMBOL(kallsyms_lookup);", RangeDiffOf(V2Cover("kallsyms")));
        Assert.Matches(@"^1:  [0-9a-f]{7} = 1:  [0-9a-f]{7} markers: unregister probes by private data\n", RangeDiffOf(V2Cover("markers")));
    }

    /// <summary>git am of each series folder in order on a branch from the base: the commit range of each folder.</summary>
    private static Dictionary<string, string> ApplyEach(string repo, string postings, string branch, string @base)
    {
        SplitFixture.GitIn(repo, "checkout", "-q", "-b", branch, @base);
        var ranges = new Dictionary<string, string>();
        foreach (string folder in Directory.GetDirectories(postings).Order(StringComparer.Ordinal))
        {
            string start = SplitFixture.GitIn(repo, "rev-parse", "HEAD").Trim();
            var patches = Directory.GetFiles(folder, "*.patch").Order(StringComparer.Ordinal).Skip(1).ToList();
            var am = SplitFixture.Run("git", ["am", "-q", .. patches], repo);
            Assert.True(am.ExitCode == 0, $"git am of {folder}: {am.Error}");
            ranges[Path.GetFileName(folder)] = $"{start}..{SplitFixture.GitIn(repo, "rev-parse", "HEAD").Trim()}";
        }
        return ranges;
    }

    private static string RangeDiffOf(string cover)
    {
        int at = cover.IndexOf("\nRange-diff against v1:\n", StringComparison.Ordinal);
        Assert.True(at >= 0, "no range-diff in\n" + cover);
        var lines = cover[(at + "\nRange-diff against v1:\n".Length)..].Split('\n')
            .TakeWhile(l => l != "-- " && !l.StartsWith("prerequisite-patch-id: ", StringComparison.Ordinal) && !l.StartsWith("base-commit: ", StringComparison.Ordinal));
        return string.Join('\n', lines).TrimEnd('\n');
    }

    /// <summary>The pair lines name commits of two different repositories (ours holds only the touched files): the ids are left out.</summary>
    private static string WithoutCommitIds(string rangeDiff) => PairLine().Replace(rangeDiff, m => $"{m.Groups[1].Value}commit{m.Groups[3].Value}commit");

    private static string Header(string mail, string name)
    {
        var m = Regex.Match(mail, $@"\n{name}: (.*(?:\n[ \t].*)*)");
        Assert.True(m.Success, $"no {name}: header");
        return Regex.Replace(m.Groups[1].Value, "<([^>]*)>", "$1");
    }

    [GeneratedRegex(@"\(continues v1 (\S+): ")]
    private static partial Regex ContinuesLine();

    [GeneratedRegex(@"\n +\d+\. \[\w+\] \[(\w+)\] (.+?)(?:  \[after: .*)?(?=\n)")]
    private static partial Regex PatchLine();

    [GeneratedRegex(@"^( *(?:\d+|-):  )([0-9a-f]{7,}|-{7,})( [=!<>] +(?:\d+|-):  )([0-9a-f]{7,}|-{7,})", RegexOptions.Multiline)]
    private static partial Regex PairLine();
}
