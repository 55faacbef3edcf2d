using System.Diagnostics;

namespace Ltt.Series.Tests.Support;

/// <summary>Runs real external tools (git, perl) isolated from the user's configuration.</summary>
public static class Tools
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string program, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, string? stdin = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
            info.ArgumentList.Add(a);
        string home = Path.Combine(Path.GetTempPath(), "ltt-split-empty-home");
        Directory.CreateDirectory(home);
        info.Environment["HOME"] = home;
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["LC_ALL"] = "C";
        if (environment is not null)
            foreach (var (k, v) in environment)
                info.Environment[k] = v;
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' is needed by this test and could not be started ({e.Message}); run 'bash .ci/install'", e);
        }
        using (process)
        {
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish in 2 minutes");
            }
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
