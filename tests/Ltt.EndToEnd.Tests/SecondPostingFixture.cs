using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// A first posting and its second version, as a user makes them: v1 is ltt-split's split of
/// patches/; v2 is patches/ with three patches edited (a changed export in 9, a reworded
/// comment in 13, a sentence added to the message of 24), patch 29 dropped and a new patch
/// added (41, a comment in include/linux/wait.h, made by git format-patch on top of the
/// series), split again with <c>-v 2 --previous v1 --in-reply-to-previous --changes</c>.
/// </summary>
public sealed class SecondPostingFixture : IDisposable
{
    public const string ChangesText = "- Export kallsyms_lookup() to all modules (review of v1).";

    public SecondPostingFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ltt-split-v2-" + Guid.NewGuid().ToString("N"));
        V1 = Path.Combine(Root, "v1");
        V2 = Path.Combine(Root, "v2");
        V2Patches = Path.Combine(Root, "v2-patches");
        Directory.CreateDirectory(V2Patches);
        var v1 = SplitFixture.LttSplit(RepoPaths.Root, "series", "patches", "--tree", "kernel-tree", "-o", V1);
        if (v1.ExitCode != 0)
            throw new InvalidOperationException("v1: " + v1.Error);

        foreach (string patch in Directory.GetFiles(RepoPaths.Patches, "*.patch"))
            File.Copy(patch, Path.Combine(V2Patches, Path.GetFileName(patch)));
        Edit("0009-", "+EXPORT_SYMBOL_GPL(kallsyms_lookup);", "+EXPORT_SYMBOL(kallsyms_lookup);");
        Edit("0013-", "+ * ltt-tracer.c: creating, starting, stopping and destroying traces.",
            "+ * ltt-tracer.c: creating, starting, stopping and destroying LTTng traces.");
        Edit("0024-", "\n\nblock_rq_complete fires", "\n\nThe error is the one the request completed with.\n\nblock_rq_complete fires");
        File.Delete(Directory.GetFiles(V2Patches, "0029-*.patch").Single());
        AddPatch();

        File.WriteAllText(Path.Combine(Root, "changes.txt"), ChangesText + "\n");
        V2Run = SplitFixture.LttSplit(RepoPaths.Root, "series", V2Patches, "--tree", "kernel-tree", "-v", "2", "--previous", V1,
            "--in-reply-to-previous", "--changes", Path.Combine(Root, "changes.txt"), "-o", V2);
        Plan = SplitFixture.LttSplit(RepoPaths.Root, "series", V2Patches, "--tree", "kernel-tree", "-v", "2", "--previous", V1, "--dry-run");
    }

    public string Root { get; }
    public string V1 { get; }
    public string V2 { get; }
    public string V2Patches { get; }

    /// <summary>The run that wrote v2.</summary>
    public (int ExitCode, string Output, string Error) V2Run { get; }

    /// <summary>The dry run of v2 against v1: the plan.</summary>
    public (int ExitCode, string Output, string Error) Plan { get; }

    private void Edit(string prefix, string from, string to)
    {
        string file = Directory.GetFiles(V2Patches, prefix + "*.patch").Single();
        string text = File.ReadAllText(file);
        if (!text.Contains(from, StringComparison.Ordinal))
            throw new InvalidOperationException($"{file} does not hold '{from}'");
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>A patch git writes on top of the whole series: a base commit of kernel-tree/, git am patches/, one more commit.</summary>
    private void AddPatch()
    {
        string repo = Path.Combine(Root, "make-41");
        SplitFixture.CopyDirectory(RepoPaths.KernelTree, repo);
        SplitFixture.GitIn(repo, "init", "-q");
        SplitFixture.GitIn(repo, "add", "-A");
        SplitFixture.GitIn(repo, "-c", "user.name=Base", "-c", "user.email=base@example.org", "commit", "-q", "-m", "base");
        SplitFixture.GitIn(repo, ["am", "-q", .. Directory.GetFiles(RepoPaths.Patches, "*.patch").Order(StringComparer.Ordinal)]);
        File.AppendAllText(Path.Combine(repo, "include/linux/wait.h"), "\n/* ltt: wake-ups are traced in the order they happen */\n");
        SplitFixture.GitIn(repo, "-c", "user.name=Ada Lovelace", "-c", "user.email=ada@example.org", "commit", "-q", "-a",
            "-m", "wait: say in which order wake-ups are traced", "-m", "Signed-off-by: Ada Lovelace <ada@example.org>");
        SplitFixture.GitIn(repo, "format-patch", "-q", "-1", "--start-number", "41", "-o", V2Patches);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
