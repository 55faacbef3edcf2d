using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// ltt-split as a user runs it, on a series written by git format-patch against kernel-tree/:
/// route JSON, the dry-run plan, written series that git am applies and git send-email reads,
/// files byte-identical to git format-patch's, and refused bad input.
/// </summary>
public sealed partial class SplitCommandTests(SplitFixture fixture) : IClassFixture<SplitFixture>
{
    private string NewOutput() => Path.Combine(fixture.Root, "out-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Route_json_has_the_documented_shape()
    {
        var (code, output, error) = SplitFixture.LttSplit(fixture.Root, "route", fixture.Patches, "--tree", fixture.Tree, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var patches = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(6, patches.Count);
        foreach (var p in patches)
        {
            Assert.Equal(["patch", "all", "to", "cc", "sections", "kind", "kind_reason"], p.EnumerateObject().Select(o => o.Name));
            Assert.Contains(p.GetProperty("kind").GetString(), (string[])["new-code", "instrumentation", "infrastructure"]);
            Assert.NotEqual("", p.GetProperty("kind_reason").GetString());
            var all = p.GetProperty("all").EnumerateArray().Select(e => e.GetString()).ToList();
            var to = p.GetProperty("to").EnumerateArray().Select(e => e.GetString()).ToList();
            var cc = p.GetProperty("cc").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal(all, to.Concat(cc));
            Assert.All(cc, c => Assert.DoesNotContain("<", c));
            Assert.True(File.Exists(p.GetProperty("patch").GetString()));
        }
        var sched = patches.Single(p => p.GetProperty("patch").GetString()!.Contains("sched-count-wakeups"));
        Assert.Equal("SCHEDULER", sched.GetProperty("sections")[0].GetString());
        Assert.Contains("Ingrid Molnar <ingrid@example.org>", sched.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        // A counter added to kernel/sched.c is code, not a tracepoint; a new file alone is new code.
        Assert.Equal("infrastructure", sched.GetProperty("kind").GetString());
        Assert.Equal("changes kernel/sched.c beyond instrumentation: '+int ltt_sched_wakeups;'", sched.GetProperty("kind_reason").GetString());
        var probes = patches.Single(p => p.GetProperty("patch").GetString()!.Contains("ext4-add-a-file"));
        Assert.Equal("new-code", probes.GetProperty("kind").GetString());
        Assert.Equal("only adds files: fs/ext4/ltt.c", probes.GetProperty("kind_reason").GetString());
    }

    [Fact]
    public void Route_agrees_with_get_maintainer_pl_on_kernel_tree()
    {
        string script = Path.Combine(Ltt.Testing.RepoPaths.Root, ".cache", "linux-source-6.1", "scripts", "get_maintainer.pl");
        Assert.True(File.Exists(script), $"{script} is missing: run 'bash .ci/install'");
        var (code, output, error) = SplitFixture.LttSplit(fixture.Root, "route", fixture.Patches, "--tree", fixture.Tree, "--json");
        Assert.True(code == 0, error);
        foreach (var p in JsonDocument.Parse(output).RootElement.EnumerateArray())
        {
            string patch = p.GetProperty("patch").GetString()!;
            var perl = SplitFixture.Run("perl", [script, "--no-tree", "--nogit", "--nogit-fallback", "--nogit-blame", "--nofixes", "--norolestats", patch], fixture.Tree);
            Assert.True(perl.ExitCode == 0, perl.Error);
            Assert.Equal(perl.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), p.GetProperty("all").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public void Git_range_routes_like_the_patch_files()
    {
        var files = SplitFixture.LttSplit(fixture.Root, "route", fixture.Patches, "--tree", fixture.Tree, "--json");
        var range = SplitFixture.LttSplit(fixture.Root, "route", $"{fixture.Base}..{fixture.Tip}", "--repo", fixture.Repo, "--tree", fixture.Tree, "--json");
        Assert.True(range.ExitCode == 0, range.Error);
        static List<string> All(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(p => string.Join(",", p.GetProperty("all").EnumerateArray().Select(e => e.GetString()))).ToList();
        Assert.Equal(All(files.Output), All(range.Output));
    }

    [Fact]
    public void Dry_run_prints_the_plan_and_writes_nothing()
    {
        string output = NewOutput();
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "-o", output);
        Assert.True(code == 0, error);
        Assert.False(Directory.Exists(output));
        Assert.Contains("6 patches ->", stdout);
        Assert.Contains("touches 2 subsystems", stdout);
        // The tracer core needs the scheduler and mm series: it is posted last, named by its
        // folder since no MAINTAINERS section covers it (not "THE REST").
        var rows = stdout.Split('\n').Where(l => Regex.IsMatch(l, @"^\d+\s")).ToList();
        Assert.Contains("ltt/", rows[^1]);
        Assert.DoesNotContain("THE REST", stdout.Split("\n\n")[1]);
        Assert.Contains($"routed with {fixture.Tree}/MAINTAINERS", stdout);
        Assert.Matches(@"\s\d+,\d+\s", rows[^1]);
    }

    [Fact]
    public void A_range_is_proved_on_its_base_commit_whatever_is_checked_out()
    {
        // The fixture's repository is checked out at the tip: the working tree already holds
        // the patches, so a proof read from it would fail at the first hunk.
        Assert.Equal(fixture.Tip, fixture.Git("rev-parse", "HEAD").Trim());
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", $"{fixture.Base}..{fixture.Tip}", "--repo", fixture.Repo, "--dry-run");
        Assert.True(code == 0, error + stdout);
        Assert.Contains($"applied on commit {fixture.Base[..12]} (base)", stdout);
        Assert.Contains($"routed with MAINTAINERS of commit {fixture.Tip[..12]} (tip)", stdout);

        (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", $"{fixture.Base}..{fixture.Tip}", "--repo", fixture.Repo, "--dry-run", "--maintainers-at", "base");
        Assert.True(code == 0, error + stdout);
        Assert.Contains($"routed with MAINTAINERS of commit {fixture.Base[..12]} (base)", stdout);
    }

    [Fact]
    public void Maintainers_at_needs_a_range_and_a_commit()
    {
        var (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "--maintainers-at", "base");
        Assert.Equal(2, code);
        Assert.Contains("--maintainers-at: chooses a commit of a git range", error);
        (code, _, error) = SplitFixture.LttSplit(fixture.Root, "route", $"{fixture.Base}..{fixture.Tip}", "--repo", fixture.Repo, "--maintainers-at", "no-such-branch");
        Assert.Equal(2, code);
        Assert.Contains("'no-such-branch' is not a commit of this repository", error);
    }

    [Fact]
    public void Dry_run_verbose_gives_the_reason_for_each_kind()
    {
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "--verbose");
        Assert.True(code == 0, error);
        Assert.Matches(@"\n +\d+\. \[new\] ext4: add a file for the tracer's probes\n +new code: only adds files: fs/ext4/ltt.c\n", stdout);
        Assert.Matches(@"\n +\d+\. \[infra\] ext4: mark where the tracer hooks inode writes\n +infrastructure change: changes only comments or blank lines of fs/ext4/inode.c\n", stdout);
        var quiet = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run");
        Assert.DoesNotContain("new code: only adds files", quiet.Output);
    }

    [Fact]
    public void A_previous_posting_must_exist_come_before_and_stay_untouched()
    {
        string missing = Path.Combine(fixture.Root, "no-such-v1");
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "--previous", missing);
        Assert.Equal(2, code);
        Assert.Equal($"ltt-split: {missing}: previous posting not found (give the folder ltt-split series wrote for the earlier version)\n", error);
        Assert.Equal("", stdout);
        (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "--in-reply-to-previous");
        Assert.Equal(2, code);
        Assert.Contains("--in-reply-to-previous: threads to the previous posting: give it with --previous FOLDER", error);

        string v1 = NewOutput();
        Assert.Equal(0, SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", v1).ExitCode);
        var before = Directory.GetFiles(v1, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", NewOutput(), "--previous", v1, "-v", "1");
        Assert.Equal(2, code);
        Assert.Contains($"-v: v1 does not come after the previous posting {v1} (v1)", error);
        // Writing v2 over v1's folder would lose the posting it is compared with.
        (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", v1, "--previous", v1);
        Assert.Equal(2, code);
        Assert.Contains(v1, error);
        Assert.Equal(before, Directory.GetFiles(v1, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText));
        // Without -v, the version after the previous one; with nothing changed, every patch unchanged.
        string v2 = NewOutput();
        (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", v2, "--previous", v1);
        Assert.True(code == 0, error);
        var covers = Directory.GetFiles(v2, "*0000-cover-letter.patch", SearchOption.AllDirectories);
        Assert.NotEmpty(covers);
        Assert.All(covers, c => Assert.Matches(@"^v2-0000-cover-letter\.patch$", Path.GetFileName(c)));
        Assert.All(covers, c => Assert.DoesNotContain("[changed]", File.ReadAllText(c)));
        Assert.All(covers, c => Assert.Contains("[unchanged]", File.ReadAllText(c)));
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("0")]
    public void A_version_below_one_is_refused(string version)
    {
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "--dry-run", "-v", version);
        Assert.Equal(2, code);
        Assert.Contains($"-v: the version of a series is 1 or more (got {version})", error);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Subjects_stay_the_authors()
    {
        string plain = NewOutput();
        Assert.Equal(0, SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", plain, "--split-mixed").ExitCode);
        static List<string> Subjects(string folder) => Directory.GetFiles(folder, "*.patch", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("0000-cover-letter.patch", StringComparison.Ordinal))
            .Select(f => File.ReadLines(f).First(l => l.StartsWith("Subject: ", StringComparison.Ordinal)))
            .Select(l => l[(l.IndexOf(']') + 2)..]).Order(StringComparer.Ordinal).ToList();
        var authors = Directory.GetFiles(fixture.Patches, "*.patch")
            .Select(f => File.ReadLines(f).First(l => l.StartsWith("Subject: ", StringComparison.Ordinal)))
            .Select(l => l[(l.IndexOf(']') + 2)..]).Order(StringComparer.Ordinal).ToList();
        // --split-mixed makes two patches of the treewide one, each titled after its subsystem.
        var written = Subjects(plain);
        Assert.Equal(authors.Where(a => !a.StartsWith("treewide:", StringComparison.Ordinal)), written.Where(w => authors.Contains(w)));
        Assert.Equal(authors.Count + 1, written.Count);
    }

    [Fact]
    public void Written_series_apply_with_git_am_in_order_and_rebuild_the_tip()
    {
        string output = NewOutput();
        var (code, stdout, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", output, "-v", "2", "--split-mixed");
        Assert.True(code == 0, error + stdout);
        var folders = Directory.GetDirectories(output).Order(StringComparer.Ordinal).ToList();
        Assert.True(folders.Count >= 4, string.Join(", ", folders));
        string clone = Path.Combine(fixture.Root, "am-" + Guid.NewGuid().ToString("N")[..8]);
        SplitFixture.GitIn(fixture.Root, "clone", "-q", fixture.Repo, clone);
        SplitFixture.GitIn(clone, "checkout", "-q", "--detach", fixture.Base);
        foreach (string folder in folders)
        {
            var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
            Assert.EndsWith("v2-0000-cover-letter.patch", files[0]);
            foreach (string patch in files.Skip(1))
            {
                string text = File.ReadAllText(patch);
                Assert.Matches(@"\nSubject: \[PATCH v2 \d+/\d+\] [^\n]+: ", text);
                Assert.Contains("\nIn-Reply-To: <cover.", text);
                var am = SplitFixture.Run("git", ["am", "-q", patch], clone);
                Assert.True(am.ExitCode == 0, $"git am {patch}: {am.Error}");
            }
        }
        Assert.Equal(fixture.TipTree, SplitFixture.GitIn(clone, "rev-parse", "HEAD^{tree}").Trim());
    }

    [Fact]
    public void Git_send_email_reads_the_headers_as_written()
    {
        string output = NewOutput();
        var (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", output);
        Assert.True(code == 0, error);
        string folder = Directory.GetDirectories(output).Order(StringComparer.Ordinal).First();
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        var send = SplitFixture.Run("git", ["send-email", "--dry-run", "--confirm=never", "--smtp-server=/bin/true",
            "--from=Ada Lovelace <ada@example.org>", "--suppress-cc=self", .. files], fixture.Repo);
        Assert.True(send.ExitCode == 0, "git send-email failed (is git-email installed? run .ci/install): " + send.Error + send.Output);
        string cover = File.ReadAllText(files[0]);
        foreach (Match m in AddressInHeader().Matches(Header(cover, "To") + "\n" + Header(cover, "Cc")))
            Assert.Matches($@"\nSendmail: /bin/true -i [^\n]*\b{Regex.Escape(m.Groups[1].Value)}\b", send.Output);
        Assert.Contains("Dry-OK", send.Output);
        Assert.Contains("\nResult: OK", send.Output);
    }

    [Fact]
    public void Unchanged_patch_is_byte_identical_to_git_format_patch()
    {
        string output = NewOutput();
        var (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", output, "-v", "3",
            "--from", "Series Builder <builder@example.org>");
        Assert.True(code == 0, error);
        string folder = Directory.GetDirectories(output).Single(d => d.Contains("scheduler"));
        var ours = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, ours.Count);
        string oursPatch = File.ReadAllText(ours[1]);
        var to = Header(oursPatch, "To").Split(",\n    ");
        var cc = Header(oursPatch, "Cc").Split(",\n    ");
        string commit = Regex.Match(oursPatch, "^From ([0-9a-f]{40})").Groups[1].Value;
        string gitOut = Path.Combine(fixture.Root, "git-" + Guid.NewGuid().ToString("N")[..8]);
        var args = new List<string> { "format-patch", "-q", "--cover-letter", "-v", "3", "--thread", "-o", gitOut };
        args.AddRange(to.Select(t => "--to=" + t));
        args.AddRange(cc.Select(c => "--cc=" + c));
        args.Add($"{commit}^..{commit}");
        SplitFixture.GitIn(fixture.Repo, [.. args]);
        var theirs = Directory.GetFiles(gitOut).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Path.GetFileName(theirs[1]), Path.GetFileName(ours[1]));
        Assert.Equal(NormalizeIds(File.ReadAllText(theirs[1])), NormalizeIds(oursPatch));
    }

    [Fact]
    public void Bad_patch_is_refused_and_nothing_is_written()
    {
        string bad = Path.Combine(fixture.Root, "bad-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(bad);
        string first = Directory.GetFiles(fixture.Patches).Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(first);
        File.WriteAllLines(Path.Combine(bad, "0001-cut.patch"), lines.Take(lines.Length - 6));
        string output = NewOutput();
        var (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", bad, "--tree", fixture.Tree, "-o", output);
        Assert.Equal(2, code);
        Assert.Matches(@"0001-cut\.patch:\d+: ", error);
        Assert.False(Directory.Exists(output));
        Assert.DoesNotContain(Directory.GetDirectories(fixture.Root), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void Missing_git_range_is_refused()
    {
        var (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", "v0.1..v0.2", "--repo", fixture.Repo, "--tree", fixture.Tree, "--dry-run");
        Assert.Equal(2, code);
        Assert.Contains("'v0.1' is not a commit", error);
    }

    [Fact]
    public void Series_that_does_not_apply_to_the_tree_fails_the_check()
    {
        string elsewhere = Path.Combine(fixture.Root, "tree-" + Guid.NewGuid().ToString("N")[..8]);
        SplitFixture.GitIn(fixture.Root, "clone", "-q", fixture.Repo, elsewhere);
        SplitFixture.GitIn(elsewhere, "checkout", "-q", fixture.Tip); // the patches are already applied here
        string output = NewOutput();
        var (code, _, error) = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", elsewhere, "-o", output);
        Assert.Equal(1, code);
        Assert.Contains("does not apply", error);
        Assert.False(Directory.Exists(output));
    }

    private static string Header(string mail, string name)
    {
        var m = Regex.Match(mail, $"\n{name}: ((?:[^\n]|\n )*)");
        return m.Groups[1].Value;
    }

    private static string NormalizeIds(string text) => Regex.Replace(text, @"\.\d{9,}\.git\.", ".STAMP.git.");

    [GeneratedRegex(@"([a-z0-9.+-]+@[a-z0-9.-]+)")]
    private static partial Regex AddressInHeader();
}
