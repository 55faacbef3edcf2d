using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// A git repository holding kernel-tree/ as its base commit and a small series on top that
/// touches several subsystems of its MAINTAINERS: independent patches, a tracer-core patch
/// using symbols two earlier patches add, a patch mixing two subsystems, a new file and a
/// rename. The series is written by real git format-patch. Git runs isolated from the
/// user's configuration.
/// </summary>
public sealed class SplitFixture : IDisposable
{
    public SplitFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ltt-split-e2e-" + Guid.NewGuid().ToString("N"));
        Repo = Path.Combine(Root, "repo");
        Patches = Path.Combine(Root, "patches");
        Directory.CreateDirectory(Repo);
        CopyDirectory(RepoPaths.KernelTree, Repo);
        Git("init", "-q");
        Git("add", "-A");
        Commit("base: kernel-tree", "Base", "base@example.org");
        Base = Git("rev-parse", "HEAD").Trim();

        Append("kernel/sched.c", "\n/* ltt: wakeups seen by the tracer */\nint ltt_sched_wakeups;\n");
        Commit("sched: count wakeups for the tracer", "Ada Lovelace", "ada@example.org",
            "The tracer reports how many wakeups it saw.");
        Append("fs/ext4/inode.c", "\n/* ltt: the tracer hooks inode writes here */\n");
        Commit("ext4: mark where the tracer hooks inode writes", "Jörg Rödel", "joro@example.org",
            "A comment only; the hook itself comes with the tracer.");
        Append("mm/memory.c", "\n/* ltt: page faults seen by the tracer */\nint ltt_mm_faults;\n");
        Commit("mm: count page faults for the tracer", "Ada Lovelace", "ada@example.org",
            "Counted where the fault is handled.");
        Append("fs/jbd2/commit.c", "\n/* ltt: commit path */\n");
        Append("kernel/irq/handle.c", "\n/* ltt: irq entry */\n");
        Commit("treewide: mark the tracer's hook points", "Ada Lovelace", "ada@example.org",
            "Touches the journal and the irq code at once.");
        File.WriteAllText(Path.Combine(Repo, "fs/ext4/ltt.c"), "// SPDX-License-Identifier: GPL-2.0\n/* ltt: ext4 probes live here */\n");
        Commit("ext4: add a file for the tracer's probes", "Jörg Rödel", "joro@example.org",
            "Empty for now.");
        Append("ltt/ltt-tracer.h", "\nextern int ltt_sched_wakeups;\nextern int ltt_mm_faults;\n");
        Commit("ltt: report the scheduler and mm counters", "Ada Lovelace", "ada@example.org",
            "Uses the counters added to the scheduler and mm earlier in the series.");
        Tip = Git("rev-parse", "HEAD").Trim();
        TipTree = Git("rev-parse", "HEAD^{tree}").Trim();
        Git("format-patch", "-q", "-M", $"--base={Base}", "-o", Patches, $"{Base}..{Tip}");
    }

    public string Root { get; }
    public string Repo { get; }
    public string Patches { get; }
    public string Base { get; }
    public string Tip { get; }
    public string TipTree { get; }
    public string Tree => RepoPaths.KernelTree;

    /// <summary>Runs git in the fixture repository; throws with git's message on failure.</summary>
    public string Git(params string[] args) => GitIn(Repo, args);

    public static string GitIn(string directory, params string[] args)
    {
        var result = Run("git", args, directory);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {result.Error}");
        return result.Output;
    }

    private static readonly Dictionary<string, string> Committer = new()
    {
        ["GIT_COMMITTER_NAME"] = "Series Builder",
        ["GIT_COMMITTER_EMAIL"] = "builder@example.org",
        ["GIT_COMMITTER_DATE"] = "2026-11-20T10:00:00Z",
        ["TZ"] = "UTC",
    };

    public static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> args, string directory, string? stdin = null) =>
        IsolatedProcess.Run(program, args, directory, Path.Combine(Path.GetTempPath(), "ltt-split-e2e-home"), Committer, stdin);

    /// <summary>Runs the real ltt-split (the built front end) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) LttSplit(string directory, params string[] args) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "ltt-split.dll"), .. args], directory);

    private int _minute;

    private void Commit(string subject, string name, string email, string? body = null)
    {
        Git("add", "-A");
        var args = new List<string> { "-c", $"user.name={name}", "-c", $"user.email={email}", "commit", "-q", "-m", subject };
        if (body is not null)
        {
            args.Add("-m");
            args.Add(body + $"\n\nSigned-off-by: {name} <{email}>");
        }
        var env = $"2026-11-20T10:{_minute++:00}:00Z";
        var result = Run("env", [$"GIT_AUTHOR_DATE={env}", "git", .. args], Repo);
        if (result.ExitCode != 0)
            throw new InvalidOperationException("git commit failed: " + result.Error);
    }

    private void Append(string path, string text) => File.AppendAllText(Path.Combine(Repo, path), text);

    internal static void CopyDirectory(string from, string to)
    {
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
