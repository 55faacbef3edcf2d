using System.Security.Cryptography;
using Ltt.Probes.Ids;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// ltt-gen probes --update-ids on a copy of kernel-tree/ that gained two tracepoints: the
/// tree's ltt/event-ids grows by their lines, old lines untouched; without the flag the tree
/// is never written.
/// </summary>
public sealed class UpdateIdsTests : IDisposable
{
    private const string NewEvents = """
        DECLARE_TRACE(sched_ltt_zeta,
        	TPPROTO(int cpu),
        		TPARGS(cpu));

        DECLARE_TRACE(sched_ltt_alpha,
        	TPPROTO(struct task_struct *p, unsigned long nr),
        		TPARGS(p, nr));


        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ltt-gen-ids-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void NewEventsAreAppendedOnlyWithTheFlag()
    {
        string tree = CopyOfKernelTreeWithNewEvents();
        string ids = Path.Combine(tree, "ltt", "event-ids");
        string before = File.ReadAllText(ids);
        var oldIds = EventIdMap.Parse(before, "ltt/event-ids").Map.Ids;
        int max = oldIds.Values.Max();
        string output = Path.Combine(_dir, "out");
        var treeBefore = Snapshot(tree);

        var plain = GenCli.Run("probes", tree, "-o", output);

        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Contains("2 event(s) had no id", plain.Error);
        Assert.Contains("--update-ids", plain.Error);
        Assert.Equal(treeBefore, Snapshot(tree));
        var generated = EventIdMap.Parse(File.ReadAllText(Path.Combine(output, "metadata", "event-ids")), "event-ids").Map.Ids;
        Assert.Equal((max + 1, max + 2), (generated["sched_ltt_alpha"], generated["sched_ltt_zeta"]));

        var update = GenCli.Run("probes", tree, "-o", output, "--update-ids");

        Assert.True(update.ExitCode == 0, update.Error);
        Assert.DoesNotContain("had no id", update.Error);
        Assert.Contains($"ltt/event-ids: appended {max + 1} sched_ltt_alpha, {max + 2} sched_ltt_zeta", update.Output);
        string after = File.ReadAllText(ids);
        Assert.Equal(before + $"{max + 1} sched_ltt_alpha\n{max + 2} sched_ltt_zeta\n", after);
        var grown = EventIdMap.Parse(after, "ltt/event-ids");
        Assert.Empty(grown.Diagnostics);
        Assert.All(oldIds, p => Assert.Equal(p.Value, grown.Map.Ids[p.Key]));
        Assert.Equal(generated, grown.Map.Ids);
        Assert.Empty(Directory.GetFiles(Path.Combine(tree, "ltt"), ".*"));

        // Once the ids are in the tree, a second run has nothing to append and check passes.
        var again = GenCli.Run("probes", tree, "-o", output, "--update-ids");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.DoesNotContain("appended", again.Output);
        Assert.Equal(after, File.ReadAllText(ids));
        var check = GenCli.Run("check", tree, "-o", output);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
    }

    [Fact]
    public void ABadIdFileIsBadInputAndNothingIsWritten()
    {
        string tree = CopyOfKernelTreeWithNewEvents();
        string ids = Path.Combine(tree, "ltt", "event-ids");
        File.AppendAllText(ids, "7 sched_twice\n");
        var treeBefore = Snapshot(tree);
        string output = Path.Combine(_dir, "out");

        var (code, _, stderr) = GenCli.Run("probes", tree, "-o", output, "--update-ids");

        Assert.Equal(2, code);
        Assert.Contains("ltt/event-ids:", stderr);
        Assert.Contains("id 7 is given to sched_twice", stderr);
        Assert.Equal(treeBefore, Snapshot(tree));
        Assert.False(Directory.Exists(output));
    }

    private string CopyOfKernelTreeWithNewEvents()
    {
        string tree = Path.Combine(_dir, "tree");
        foreach (string file in Directory.GetFiles(RepoPaths.KernelTree, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(tree, Path.GetRelativePath(RepoPaths.KernelTree, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        string header = Path.Combine(tree, "include", "trace", "sched.h");
        string text = File.ReadAllText(header);
        int end = text.LastIndexOf("#endif", StringComparison.Ordinal);
        File.WriteAllText(header, text[..end] + NewEvents.Replace("\r\n", "\n") + text[end..]);
        return tree;
    }

    /// <summary>Every file of the tree with a hash of its bytes.</summary>
    private static List<string> Snapshot(string tree) =>
        Directory.GetFiles(tree, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tree, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal)
            .ToList();
}
