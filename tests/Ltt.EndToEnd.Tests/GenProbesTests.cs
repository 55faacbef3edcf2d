using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>ltt-gen probes, check, markers and diff on kernel-tree/, as a user runs them.</summary>
public sealed class GenProbesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ltt-gen-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void ProbesWritesModulesMetadataAndHarnessThenCheckPasses()
    {
        string output = Path.Combine(_dir, "out");
        var (code, stdout, stderr) = GenCli.Run("probes", RepoPaths.KernelTree, "-o", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("events in", stdout);
        foreach (string file in (string[])["probes/kernel-trace.c", "probes/block-trace.c", "probes/Kbuild", "probes/Makefile",
                     "metadata/events.json", "metadata/metadata", "metadata/markers", "metadata/event-ids", "harness/harness.c"])
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        string probe = File.ReadAllText(Path.Combine(output, "probes", "kernel-trace.c"));
        Assert.Contains("DEFINE_MARKER_TP(kernel, sched_schedule, sched_switch, probe_sched_switch,", probe);
        Assert.Contains("\"prev_pid %d next_pid %d prev_state #2d%ld\");", probe);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.KernelTree, "ltt", "event-ids")), File.ReadAllText(Path.Combine(output, "metadata", "event-ids")));

        var check = GenCli.Run("check", RepoPaths.KernelTree, "-o", output);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
    }

    [Fact]
    public void CheckExitsOneAndNamesTheDriftedFiles()
    {
        string output = Path.Combine(_dir, "out");
        Assert.Equal(0, GenCli.Run("probes", RepoPaths.KernelTree, "-o", output).ExitCode);
        File.AppendAllText(Path.Combine(output, "probes", "block-trace.c"), "\n");
        File.WriteAllText(Path.Combine(output, "metadata", "events.json"), "{}");

        var (code, stdout, stderr) = GenCli.Run("check", RepoPaths.KernelTree, "-o", output);

        Assert.Equal(1, code);
        Assert.Contains("probes/block-trace.c: differs", stdout);
        Assert.Contains("metadata/events.json: differs", stdout);
        Assert.Contains("2 generated file(s) drifted", stderr);
    }

    [Fact]
    public void ABadSpecLineIsBadInputAndNothingIsWritten()
    {
        string tree = CopyOfKernelTree();
        File.AppendAllText(Path.Combine(tree, "ltt", "probes.spec"), "sched_switch_typo: prev->pid\n");
        string output = Path.Combine(_dir, "out");

        var (code, _, stderr) = GenCli.Run("probes", tree, "-o", output);

        Assert.Equal(2, code);
        int line = File.ReadAllLines(Path.Combine(tree, "ltt", "probes.spec")).Length;
        Assert.Contains($"ltt/probes.spec:{line}: error: no tracepoint named sched_switch_typo", stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void MarkersListsEveryMarkerAndFailsOnAConflict()
    {
        var (code, stdout, stderr) = GenCli.Run("markers", RepoPaths.KernelTree);
        Assert.True(code is 0 or 1, stderr);
        Assert.Contains("kernel.sched_schedule", stdout);
        Assert.Contains("generated", stdout);

        string tree = CopyOfKernelTree();
        string c = Path.Combine(tree, "kernel", "ltt-conflict-test.c");
        Directory.CreateDirectory(Path.GetDirectoryName(c)!);
        File.WriteAllText(c, "// SPDX-License-Identifier: GPL-2.0\n#include <linux/marker.h>\n\nvoid f(int pid);\n\nvoid f(int pid)\n{\n\ttrace_mark(kernel, sched_schedule, \"prev_pid %d\", pid);\n}\n");

        var conflict = GenCli.Run("markers", tree);

        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("marker kernel.sched_schedule has format", conflict.Error);
        Assert.Contains("kernel/ltt-conflict-test.c", conflict.Error + conflict.Output);
    }

    [Fact]
    public void DiffSaysWhichEventsAndFieldsChanged()
    {
        string output = Path.Combine(_dir, "out");
        Assert.Equal(0, GenCli.Run("probes", RepoPaths.KernelTree, "-o", output).ExitCode);
        string old = Path.Combine(output, "metadata", "events.json");
        string edited = Path.Combine(_dir, "new.json");
        string json = File.ReadAllText(old);
        // The kernel update: prev_state becomes 4 bytes, sched_process_wait disappears.
        var doc = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var events = doc["events"]!.AsArray();
        var schedSwitch = events.First(e => (string?)e!["name"] == "sched_switch")!;
        var state = schedSwitch["fields"]!.AsArray().First(f => (string?)f!["name"] == "prev_state")!;
        state["size"] = 4;
        state["alignment"] = 4;
        events.Remove(events.First(e => (string?)e!["name"] == "sched_process_wait"));
        File.WriteAllText(edited, doc.ToJsonString());

        var same = GenCli.Run("diff", old, old);
        Assert.Equal(0, same.ExitCode);

        var (code, stdout, _) = GenCli.Run("diff", old, edited);

        Assert.Equal(1, code);
        Assert.Contains("event sched_switch field prev_state: changed: size 2 -> 4", stdout);
        Assert.Contains("event sched_process_wait: removed", stdout);
    }

    [Fact]
    public void DiffOfABrokenFileIsBadInputWithTheLine()
    {
        string bad = Path.Combine(_dir, "bad.json");
        Directory.CreateDirectory(_dir);
        File.WriteAllText(bad, "{\n  \"arch\": \"x86_64\",\n  oops\n}");

        var (code, _, stderr) = GenCli.Run("diff", bad, bad);

        Assert.Equal(2, code);
        Assert.Contains("bad.json:3:", stderr);
    }

    private string CopyOfKernelTree()
    {
        string tree = Path.Combine(_dir, "tree");
        foreach (string file in Directory.GetFiles(RepoPaths.KernelTree, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(tree, Path.GetRelativePath(RepoPaths.KernelTree, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return tree;
    }
}
