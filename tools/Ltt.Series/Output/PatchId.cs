using System.Diagnostics;

namespace Ltt.Series.Output;

/// <summary>
/// git's stable patch id (<c>git patch-id --stable</c>), which <c>prerequisite-patch-id:</c>
/// trailers name; computed by git itself so reviewers' tools find the same ids.
/// </summary>
public static class PatchId
{
    /// <summary>The id, or null when git is not available or the text has no diff.</summary>
    public static string? Compute(string patchText)
    {
        var info = new ProcessStartInfo("git", ["patch-id", "--stable"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardInput.Write(patchText);
            process.StandardInput.Close();
            process.WaitForExit();
            string line = output.Result.Trim();
            return process.ExitCode == 0 && line.Length >= 40 ? line[..40] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
