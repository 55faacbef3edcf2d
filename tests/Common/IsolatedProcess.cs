using System.Diagnostics;

namespace Ltt.Testing;

/// <summary>
/// Runs an external program for a test (git, perl, a built front end), isolated from the
/// user's git configuration, with its output captured; a missing program or a run past two
/// minutes (or the time given) fails the test with a message saying so.
/// </summary>
public static class IsolatedProcess
{
    /// <param name="home">HOME for the program (git reads its configuration there), or null to keep the test's.</param>
    /// <param name="environment">More variables, set after the isolation ones.</param>
    /// <param name="stdin">Text written to the program's standard input, which is closed in any case.</param>
    /// <param name="timeout">How long the program may run (two minutes when null); a slow test's kbuild of a whole tree needs more.</param>
    public static (int ExitCode, string Output, string Error) Run(
        string program, IEnumerable<string> args, string directory, string? home,
        IReadOnlyDictionary<string, string>? environment = null, string? stdin = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
            info.ArgumentList.Add(arg);
        if (home is not null)
        {
            Directory.CreateDirectory(home);
            info.Environment["HOME"] = home;
        }
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
                info.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' is needed by this test and could not be started ({e.Message}); run 'bash .ci/install'", e);
        }
        using (process)
        {
            if (stdin is not null)
                process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            TimeSpan limit = timeout ?? TimeSpan.FromMinutes(2);
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {limit.TotalMinutes:0} minutes");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
