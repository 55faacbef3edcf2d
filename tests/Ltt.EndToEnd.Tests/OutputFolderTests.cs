using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// Every command that takes <c>-o</c> loses nothing: it never writes an input, a folder holding
/// one or inside one; it replaces an existing folder only when it wrote it before (its marker
/// file) or with <c>--force</c>; it checks <c>-o</c> before any work and says so in one line
/// (exit 2); and a failed run leaves no folder, no hidden sibling and the old output intact.
/// </summary>
public sealed class OutputFolderTests(SplitFixture fixture) : IClassFixture<SplitFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ltt-out-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Tree()
    {
        string tree = Path.Combine(_dir, "ktc");
        if (!Directory.Exists(tree))
        {
            foreach (string file in Directory.GetFiles(RepoPaths.KernelTree, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(tree, Path.GetRelativePath(RepoPaths.KernelTree, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        return tree;
    }

    private string UserFolder(string name)
    {
        string folder = Path.Combine(_dir, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "kept by the user\n");
        return folder;
    }

    private IReadOnlyList<string> Entries() =>
        Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Where(n => n != "ktc").Order(StringComparer.Ordinal).ToList()!;

    private static void AssertOneLineRefusal((int ExitCode, string Output, string Error) run, string expected)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Output}{run.Error}");
        Assert.Equal("", run.Output);
        Assert.Equal(expected + "\n", run.Error);
    }

    // ltt-gen probes

    [Fact]
    public void Gen_probes_never_writes_the_tree_a_folder_holding_it_or_inside_it()
    {
        string tree = Tree();
        int files = Directory.GetFiles(tree, "*", SearchOption.AllDirectories).Length;

        AssertOneLineRefusal(Cli.Gen("probes", tree, "-o", tree, "--force"), $"ltt-gen probes: {tree}: is the input {tree}; write the output elsewhere");
        AssertOneLineRefusal(Cli.Gen("probes", tree, "-o", _dir, "--force"), $"ltt-gen probes: {_dir}: holds the input {tree}; write the output elsewhere");
        string inside = Path.Combine(tree, "probes-out");
        AssertOneLineRefusal(Cli.Gen("probes", tree, "-o", inside), $"ltt-gen probes: {inside}: is inside the input {tree}; write the output elsewhere");

        Assert.Equal(files, Directory.GetFiles(tree, "*", SearchOption.AllDirectories).Length);
        Assert.Empty(Entries());
    }

    [Fact]
    public void Gen_probes_keeps_a_users_folder_unless_forced_and_replaces_its_own_output()
    {
        string tree = Tree();
        string mine = UserFolder("mine");

        AssertOneLineRefusal(Cli.Gen("probes", tree, "-o", mine),
            $"ltt-gen probes: {mine}: exists and was not written by ltt-gen probes (it has no .ltt-gen-output); choose another folder, or add --force to replace it");
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(mine).Select(Path.GetFileName));

        var forced = Cli.Gen("probes", tree, "-o", mine, "--force");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.False(File.Exists(Path.Combine(mine, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(mine, ".ltt-gen-output")));

        // Its own output is replaced as a whole, with nothing left beside it.
        File.WriteAllText(Path.Combine(mine, "probes", "stale.c"), "/* from an older run */\n");
        var again = Cli.Gen("probes", tree, "-o", mine);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.False(File.Exists(Path.Combine(mine, "probes", "stale.c")));
        Assert.Equal(["mine"], Entries());
    }

    [Fact]
    public void Gen_probes_refuses_a_file_and_a_failed_run_leaves_nothing()
    {
        string tree = Tree();
        string file = Path.Combine(_dir, "afile");
        File.WriteAllText(file, "x");
        AssertOneLineRefusal(Cli.Gen("probes", tree, "-o", file), $"ltt-gen probes: {file}: is a file; -o names the folder to write");

        File.AppendAllText(Path.Combine(tree, "ltt", "probes.spec"), "no_such_tracepoint: x->y\n");
        var failed = Cli.Gen("probes", tree, "-o", Path.Combine(_dir, "new", "out"));
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("ltt-gen probes: nothing written", failed.Error);
        Assert.Equal(["afile"], Entries());
    }

    // ltt-split series

    [Fact]
    public void Split_series_checks_the_output_before_the_plan()
    {
        string file = Path.Combine(_dir, "afile");
        File.WriteAllText(file, "x");
        AssertOneLineRefusal(Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "-o", file),
            $"ltt-split: {file}: is a file; -o names the folder to write");

        string mine = UserFolder("mine");
        AssertOneLineRefusal(Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "-o", mine),
            $"ltt-split: {mine}: exists and was not written by ltt-split series (it has no .ltt-split-output); choose another folder, or add --force to replace it");
        AssertOneLineRefusal(Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "-o", fixture.Tree, "--force"),
            $"ltt-split: {fixture.Tree}: is {fixture.Tree}; write the output elsewhere");
        string insidePatches = Path.Combine(fixture.Patches, "series");
        AssertOneLineRefusal(Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "-o", insidePatches),
            $"ltt-split: {insidePatches}: is inside the input {fixture.Patches}; write the output elsewhere");
        Assert.Equal(["afile", "mine"], Entries());
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(mine).Select(Path.GetFileName));
    }

    [Fact]
    public void Split_series_replaces_its_own_output_and_a_forced_folder()
    {
        string output = Path.Combine(_dir, "series");
        var first = Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "-o", output);
        Assert.True(first.ExitCode == 0, first.Error);
        var second = Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "-o", output, "-v", "2");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.All(Directory.GetFiles(output, "*.patch", SearchOption.AllDirectories), f => Assert.StartsWith("v2-", Path.GetFileName(f)));

        string mine = UserFolder("mine");
        var forced = Cli.Split("series", fixture.Patches, "--tree", fixture.Tree, "-o", mine, "--force");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.False(File.Exists(Path.Combine(mine, "notes.txt")));
        Assert.Equal(["mine", "series"], Entries());
    }

    // ltt-trace ci

    [Fact]
    public void Ci_checks_the_output_and_the_junit_path_before_the_run()
    {
        string file = Path.Combine(_dir, "afile");
        File.WriteAllText(file, "x");
        AssertOneLineRefusal(Cli.Trace("ci", RepoPaths.KernelTree, "-o", file), $"ltt-trace ci: {file}: is a file; -o names the folder to write");
        AssertOneLineRefusal(Cli.Trace("ci", RepoPaths.KernelTree, "-o", RepoPaths.KernelTree, "--force"),
            $"ltt-trace ci: {RepoPaths.KernelTree}: is the input {RepoPaths.KernelTree}; write the output elsewhere");
        AssertOneLineRefusal(Cli.Trace("ci", RepoPaths.KernelTree, "--junit", "/nonexistent/x.xml"),
            "ltt-trace ci: --junit /nonexistent/x.xml: no such folder /nonexistent");
        Assert.Equal(["afile"], Entries());
    }

    [Fact]
    public void Ci_on_a_folder_without_tracepoints_is_bad_input_and_leaves_nothing()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        string output = Path.Combine(_dir, "ci-out");

        var run = Cli.Trace("ci", empty, "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"ltt-trace ci: no tracepoint found in {empty}: nothing to check", run.Error);
        Assert.DoesNotContain("error:", run.Error + run.Output);
        Assert.Equal(["empty"], Entries());
    }

    // ltt-trace record

    [Fact]
    public void Record_keeps_a_users_folder_and_replaces_its_own_trace()
    {
        string mine = UserFolder("mine");
        AssertOneLineRefusal(Cli.Trace("record", "-o", mine, "--events", "10"),
            $"ltt-trace record: {mine}: exists and was not written by ltt-trace record (it has no .ltt-record-output); choose another folder, or add --force to replace it");
        string file = Path.Combine(_dir, "afile");
        File.WriteAllText(file, "x");
        AssertOneLineRefusal(Cli.Trace("record", "-o", file, "--events", "10"), $"ltt-trace record: {file}: is a file; -o names the folder to write");

        string trace = Path.Combine(_dir, "trace");
        Assert.Equal(0, Cli.Trace("record", "-o", trace, "--events", "10").ExitCode);
        File.WriteAllText(Path.Combine(trace, "channel0_99"), "stale");
        Assert.Equal(0, Cli.Trace("record", "-o", trace, "--events", "10").ExitCode);
        Assert.False(File.Exists(Path.Combine(trace, "channel0_99")));
        Assert.Equal(["afile", "mine", "trace"], Entries());
    }

    [Fact]
    public void Record_refuses_buffers_larger_than_memory_and_a_trace_larger_than_the_disk_leaving_nothing()
    {
        string trace = Path.Combine(_dir, "r14");

        var memory = Cli.Trace("record", "-o", trace, "--subbuf-size", "67108864", "--subbufs", "65536", "--events", "10");
        Assert.Equal(2, memory.ExitCode);
        Assert.Matches(@"^ltt-trace record: the ring buffers need [0-9.]+ [GT]iB \(\d+ CPU\(s\) x 65536 sub-buffers x 67108864 bytes\), more than the [0-9.]+ [KMGT]?i?B of memory available; use smaller or fewer sub-buffers\n$", memory.Error);

        var disk = Cli.Trace("record", "-o", trace, "--events", "1000000000000000");
        Assert.Equal(2, disk.ExitCode);
        Assert.Matches(@"^ltt-trace record: the trace may take up to [0-9.]+ [GT]iB \(1 thread\(s\) x 1000000000000000 events\), more than the .* free on the file system of .*; record fewer events or free space\n$", disk.Error);

        Assert.Empty(Entries());
    }

    [Fact]
    public void Validate_with_a_junit_file_in_a_missing_folder_is_one_line()
    {
        string trace = RepoPaths.TestData("data", "ctf-traces", "succeed", "big-endian-no-clock", "trace");
        AssertOneLineRefusal(Cli.Trace("validate", trace, "--junit", "/nonexistent/x.xml"),
            "ltt-trace validate: --junit /nonexistent/x.xml: no such folder /nonexistent");
    }
}
