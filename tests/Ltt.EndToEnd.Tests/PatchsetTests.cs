using System.Text.RegularExpressions;
using Ltt.EndToEnd.Tests.KernelTree;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// patches/ is the sample patchset every ltt-split test and demonstration runs on: it must stay a real
/// <c>git format-patch</c> series that <c>git am</c> applies, in order, on kernel-tree/, with the hard
/// cases it exists for (a rename, a deletion, a mode change, a missing final newline, an encoded author,
/// patches that depend on earlier ones), and it must leave a tree that gcc still compiles.
/// </summary>
public sealed partial class PatchsetTests : IClassFixture<PatchsetTests.AppliedSeries>
{
    private readonly AppliedSeries _series;

    public PatchsetTests(AppliedSeries series) => _series = series;

    public static TheoryData<string> PatchNames()
    {
        var data = new TheoryData<string>();
        foreach (string patch in AppliedSeries.PatchFiles())
            data.Add(Path.GetFileName(patch));
        return data;
    }

    [Fact]
    public void GitAmAppliesEveryPatchInOrder()
    {
        string[] patches = AppliedSeries.PatchFiles();

        Assert.InRange(patches.Length, 35, 45);
        Assert.Equal(patches.Length, _series.Commits.Count);
        for (int i = 0; i < patches.Length; i++)
        {
            string subject = SubjectOf(File.ReadAllText(patches[i]));
            Assert.Equal(subject, _series.Git("log", "-1", "--format=%s", _series.Commits[i]).TrimEnd('\n'));
        }
    }

    [Theory]
    [MemberData(nameof(PatchNames))]
    public void PatchIsInGitFormatPatchForm(string name)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Patches, name));
        int count = AppliedSeries.PatchFiles().Length;
        int number = int.Parse(name[..4]);

        Assert.Matches(@"^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\n", text);
        Assert.Matches(@"\nFrom: (.+ <[^@\s]+@example\.org>|=\?UTF-8\?q\?[^?]+\?=\n <[^@\s]+@example\.org>)\n", text);
        Assert.Matches(@"\nDate: \w{3}, \d{1,2} \w{3} 2009 \d\d:\d\d:\d\d [-+]\d{4}\n", text);
        Assert.Contains($"\nSubject: [PATCH {number.ToString().PadLeft(count.ToString().Length, '0')}/{count}] ", text);
        Assert.Matches(@"\nSigned-off-by: .+ <[^@\s]+@example\.org>\n---\n", text);
        Assert.Matches(@"\n \d+ files? changed(, \d+ insertions?\(\+\))?(, \d+ deletions?\(-\))?\n", text);
        Assert.Matches(@"\n-- \n\d+\.\d+[^\n]*\n\n$", text);
    }

    [Theory]
    [MemberData(nameof(PatchNames))]
    public void DiffstatMatchesWhatGitApplied(string name)
    {
        int index = Array.FindIndex(AppliedSeries.PatchFiles(), p => Path.GetFileName(p) == name);
        Diffstat stated = Diffstat.Parse(File.ReadAllText(Path.Combine(RepoPaths.Patches, name)));
        string commit = _series.Commits[index];

        var applied = _series.Git("diff", "--numstat", "-M", commit + "^", commit)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .ToDictionary(f => f[2], f => int.Parse(f[0]) + int.Parse(f[1]));

        Assert.Equal(applied.Keys.Order(StringComparer.Ordinal), stated.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, changes) in applied)
            Assert.True(stated.Files[file] == changes, $"{name}: {file}: the diffstat says {stated.Files[file]}, git applied {changes}");
        Assert.Equal(applied.Count, stated.FilesChanged);
        Assert.Equal(applied.Values.Sum(), stated.Insertions + stated.Deletions);
    }

    [Fact]
    public void SeriesHasTheHardCases()
    {
        string[] texts = AppliedSeries.PatchFiles().Select(File.ReadAllText).ToArray();

        Assert.Contains(texts, t => t.Contains("\nrename from samples/markers/probe-example.c\nrename to samples/markers/marker-probe.c\n") &&
                                    Regex.IsMatch(t, @"\nsimilarity index \d+%\n"));
        Assert.Contains(texts, t => t.Contains("\ndeleted file mode 100644\n"));
        Assert.Contains(texts, t => t.Contains("\nold mode 100644\nnew mode 100755\n"));
        Assert.Contains(texts, t => t.Contains("\n\\ No newline at end of file\n"));
        Assert.Contains(texts, t => t.Contains("\nFrom: =?UTF-8?q?"));
        Assert.True(texts.Count(t => t.Contains("\nnew file mode 100644\n")) >= 10, "fewer than 10 patches create a file");
        // Patches touching several MAINTAINERS sections at once: many span two top-level directories, some more.
        Assert.True(texts.Count(t => TopLevelDirectories(t).Count >= 2) >= 10, "fewer than 10 patches span two top-level directories");
        Assert.True(texts.Count(t => TopLevelDirectories(t).Count >= 3) >= 2, "fewer than 2 patches span three top-level directories");
    }

    [Fact]
    public void PatchesChangingWhatEarlierPatchesAddedDoNotApplyAlone()
    {
        // A patch that modifies a file the base tree does not have, or lines an earlier patch wrote,
        // needs the patches before it: applied alone on the base it must be refused.
        var dependent = AppliedSeries.PatchFiles()
            .Where(p => Regex.Matches(File.ReadAllText(p), @"^--- a/(\S+)$", RegexOptions.Multiline)
                .Any(m => !File.Exists(Path.Combine(RepoPaths.KernelTree, m.Groups[1].Value))))
            .ToArray();

        Assert.True(dependent.Length >= 5, $"{dependent.Length} patches modify files created earlier in the series");
        foreach (string patch in dependent.Append(FindPatch("say when a journalled write was short")))
        {
            var (exitCode, _, _) = _series.RunGit(_series.BaseRepo, "apply", "--check", patch);
            Assert.True(exitCode != 0, $"{Path.GetFileName(patch)} applies on the base tree alone");
        }
    }

    [Fact]
    public void FinalTreeHasTheNewRenamedDeletedAndExecutableFiles()
    {
        string tip = _series.Commits[^1];
        var modes = _series.Git("ls-tree", "-r", tip)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .ToDictionary(f => f[1], f => f[0].Split(' ')[0]);

        foreach (string added in new[]
        {
            "include/linux/immediate.h", "include/linux/ltt-core.h", "include/linux/ltt-tracer.h",
            "include/linux/ltt-channels.h", "include/linux/ltt-relay.h", "include/linux/ltt-type-serializer.h",
            "ltt/Kconfig", "ltt/Makefile", "ltt/ltt-core.c", "ltt/ltt-relay-alloc.c", "ltt/ltt-channels.c",
            "ltt/ltt-serialize.c", "ltt/ltt-marker-control.c", "ltt/ltt-tracer.c", "samples/markers/test-multi.c",
        })
            Assert.True(modes.ContainsKey(added), added + " is missing");
        Assert.DoesNotContain("virt/kvm/kvm_trace.c", modes.Keys);
        Assert.DoesNotContain("samples/markers/probe-example.c", modes.Keys);
        Assert.Equal("100644", modes["samples/markers/marker-probe.c"]);
        Assert.Equal("100755", modes["scripts/ltt-armall"]);
        Assert.True(File.Exists(Path.Combine(_series.Repo, "scripts", "ltt-armall")));

        // The tracer core's existing files under ltt/ belong to the probes: the series only adds beside them.
        foreach (string existing in Directory.EnumerateFiles(Path.Combine(RepoPaths.KernelTree, "ltt"), "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepoPaths.KernelTree, existing).Replace('\\', '/');
            Assert.Equal(File.ReadAllBytes(existing), File.ReadAllBytes(Path.Combine(_series.Repo, relative)));
        }

        string maintainers = File.ReadAllText(Path.Combine(_series.Repo, "MAINTAINERS"));
        Assert.Contains("\nLTT TRACER\nM:\t", maintainers);
        Assert.Contains("\nF:\tltt/\n", maintainers);
        Assert.DoesNotContain("KVM TRACE (MARKERS BASED)", maintainers);
    }

    [Fact]
    public void PatchedMaintainersGivesTheTracerItsSectionAndStillCoversEveryFile()
    {
        IReadOnlyList<MaintainersSection> sections = MaintainersFile.Read(Path.Combine(_series.Repo, "MAINTAINERS"));
        string[] files = _series.Git("ls-files").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        MaintainersSection ltt = sections.Single(s => s.Name == "LTT TRACER");
        string[] names = sections.Select(s => s.Name).SkipLast(1).ToArray();

        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal("THE REST", sections[^1].Name);
        Assert.Equal("MLWTSFFFF", string.Concat(ltt.Entries.Select(e => e.Tag)));
        Assert.All(files.Where(f => f.StartsWith("ltt/", StringComparison.Ordinal) || f.StartsWith("include/linux/ltt-", StringComparison.Ordinal)
                                    || f is "include/linux/immediate.h" or "scripts/ltt-armall"),
            f => Assert.True(ltt.Covers(f), f + " is not in LTT TRACER"));
        var uncovered = files.Where(f => f != "MAINTAINERS" && !sections.SkipLast(1).Any(s => s.Covers(f))).ToArray();
        Assert.True(uncovered.Length == 0, "files with no section but THE REST after the series:\n" + string.Join('\n', uncovered));
    }

    [Fact]
    public void FilesTheSeriesTouchesStillCompileWithTheKernelFlags()
    {
        string gccInclude = _series.RunChecked("gcc", _series.Repo, "-print-file-name=include").Trim();
        var files = AppliedSeries.PatchFiles()
            .SelectMany(p => Regex.Matches(File.ReadAllText(p), @"^\+\+\+ b/(\S+\.[ch])$", RegexOptions.Multiline))
            .Select(m => m.Groups[1].Value)
            .Where(f => File.Exists(Path.Combine(_series.Repo, f)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        Assert.True(files.Length >= 40, $"{files.Length} C files");
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            foreach (bool configured in (bool[])[false, true])
            {
                string arch = file.StartsWith("arch/powerpc/", StringComparison.Ordinal) ? "powerpc" : "x86";
                var args = new List<string>
                {
                    "-fsyntax-only", "-nostdinc", "-isystem", gccInclude, "-I", $"arch/{arch}/include", "-I", "include",
                    "-D__KERNEL__", "-std=gnu11", "-Wall", "-Werror",
                };
                if (configured)
                    args.AddRange(KernelTreeGcc.ConfiguredSymbols.Select(s => "-D" + s));
                args.Add(file);
                var (exitCode, _, stderr) = AppliedSeries.Run("gcc", args, _series.Repo);
                if (exitCode != 0)
                    failures.Add($"{file} ({(configured ? "configured" : "unconfigured")}):\n{stderr}");
            }
        });

        Assert.True(failures.IsEmpty, "gcc rejected files of the patched tree:\n" + string.Join('\n', failures));
    }

    private static string SubjectOf(string patch)
    {
        Match m = Regex.Match(patch, @"\nSubject: \[PATCH [^\]]*\] (.*(?:\n .*)*)\n");
        return Regex.Replace(m.Groups[1].Value, @"\n ", " ");
    }

    private static string FindPatch(string subject) =>
        AppliedSeries.PatchFiles().Single(p => SubjectOf(File.ReadAllText(p)).Contains(subject, StringComparison.Ordinal));

    private static HashSet<string> TopLevelDirectories(string patch) =>
        Regex.Matches(patch, @"^diff --git a/(\S+)", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value.Split('/')[0])
            .ToHashSet();

    /// <summary>The diffstat git format-patch wrote under a patch's <c>---</c>: per-file change counts and the summary line.</summary>
    private sealed record Diffstat(IReadOnlyDictionary<string, int> Files, int FilesChanged, int Insertions, int Deletions)
    {
        public static Diffstat Parse(string patch)
        {
            int start = patch.IndexOf("\n---\n", StringComparison.Ordinal) + 5;
            var files = new Dictionary<string, int>();
            int filesChanged = 0, insertions = 0, deletions = 0;
            foreach (string line in patch[start..].Split('\n'))
            {
                Match file = FileLine().Match(line);
                if (file.Success)
                {
                    files[file.Groups[1].Value.Trim()] = int.Parse(file.Groups[2].Value);
                    continue;
                }
                Match summary = SummaryLine().Match(line);
                if (summary.Success)
                {
                    filesChanged = int.Parse(summary.Groups[1].Value);
                    insertions = summary.Groups[2].Success ? int.Parse(summary.Groups[2].Value) : 0;
                    deletions = summary.Groups[3].Success ? int.Parse(summary.Groups[3].Value) : 0;
                    break;
                }
            }
            return new Diffstat(files, filesChanged, insertions, deletions);
        }
    }

    [GeneratedRegex(@"^ (.+?)\s+\|\s+(\d+)(?: [+-]*)?$")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"^ (\d+) files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?$")]
    private static partial Regex SummaryLine();

    /// <summary>
    /// kernel-tree/ committed as the base of a temporary repository, with every patch of patches/ applied by
    /// <c>git am</c>; built once for the class. Git runs isolated from the user's and the system's configuration.
    /// </summary>
    public sealed class AppliedSeries : IDisposable
    {
        private readonly string _root;

        public AppliedSeries()
        {
            _root = Directory.CreateTempSubdirectory("ltt-patchset-").FullName;
            Repo = Path.Combine(_root, "tree");
            BaseRepo = Path.Combine(_root, "base");
            Directory.CreateDirectory(Path.Combine(_root, "home"));
            foreach (string repo in new[] { Repo, BaseRepo })
            {
                CopyDirectory(RepoPaths.KernelTree, repo);
                RunChecked("git", repo, "init", "-q");
                RunChecked("git", repo, "add", "-A");
                RunChecked("git", repo, "commit", "-q", "-m", "kernel-tree");
            }
            string[] patches = PatchFiles();
            if (patches.Length == 0)
                throw new InvalidOperationException("no patches in " + RepoPaths.Patches);
            var (exitCode, output, error) = RunGit(Repo, ["am", "-q", .. patches]);
            if (exitCode != 0)
                throw new InvalidOperationException($"git am failed on the sample patchset:\n{output}\n{error}");
            Commits = Git("rev-list", "--reverse", "HEAD~" + patches.Length + "..HEAD")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        public string Repo { get; }

        /// <summary>A second repository holding only the base, for applying patches alone.</summary>
        public string BaseRepo { get; }

        /// <summary>The commits git am made, in the order of the patches.</summary>
        public IReadOnlyList<string> Commits { get; }

        public static string[] PatchFiles() =>
            Directory.GetFiles(RepoPaths.Patches, "*.patch")
                .Where(p => Regex.IsMatch(Path.GetFileName(p), @"^\d{4}-"))
                .Order(StringComparer.Ordinal)
                .ToArray();

        public string Git(params string[] args) => RunChecked("git", Repo, args);

        public (int ExitCode, string Output, string Error) RunGit(string repo, params string[] args) =>
            Run("git", args, repo, Path.Combine(_root, "home"));

        public string RunChecked(string program, string directory, params string[] args)
        {
            var (exitCode, output, error) = Run(program, args, directory, Path.Combine(_root, "home"));
            if (exitCode != 0)
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({exitCode}): {error}");
            return output;
        }

        private static readonly Dictionary<string, string> Identity = new()
        {
            ["GIT_AUTHOR_NAME"] = "Patchset Test",
            ["GIT_AUTHOR_EMAIL"] = "patchset-test@example.org",
            ["GIT_COMMITTER_NAME"] = "Patchset Test",
            ["GIT_COMMITTER_EMAIL"] = "patchset-test@example.org",
            ["LC_ALL"] = "C",
        };

        public static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> args, string directory, string? home = null) =>
            IsolatedProcess.Run(program, args, directory, home, Identity);

        private static void CopyDirectory(string from, string to)
        {
            foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
                Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
                File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
