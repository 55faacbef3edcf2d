using Ltt.IO;

namespace Ltt.Series;

/// <summary>
/// Runs the git command-line program for the few jobs libgit2 does slowly or not at all
/// (tree diffs of a large repository with git's binary patches, patch ids, git am and
/// range-diff in a throw-away repository), isolated from
/// the user's and the system's configuration so its output is the same everywhere.
/// </summary>
internal static class GitCommand
{
    /// <summary>git's standard output, or null with git's message when git is missing or fails.</summary>
    /// <param name="environment">More variables for git (a committer's identity and date).</param>
    public static (string? Output, string? Problem) Run(string? directory, IEnumerable<string> arguments, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(Isolated);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            variables[name] = value;
        var run = ToolRun.Start("git", arguments, directory, TimeSpan.FromMinutes(30), variables, input);
        if (run.NotStarted)
            return (null, "git is not installed");
        return run.Success ? (run.Output, null) : (null, run.Error.Trim());
    }

    private static readonly Dictionary<string, string> Isolated = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["LC_ALL"] = "C",
    };
}
