using System.Diagnostics;

namespace Ltt.Probes.Harness;

/// <summary>One run of an external program (gcc, make, the harness): its command line, exit code and output.</summary>
public sealed record ToolRun(string Command, int ExitCode, string Output, string Error)
{
    public bool Success => ExitCode == 0;

    /// <summary>Runs <paramref name="program"/>; a program that cannot start or times out gives exit code -1 and says why.</summary>
    public static ToolRun Start(string program, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        string command = program + " " + string.Join(' ', info.ArgumentList.Select(a => a.Contains(' ') ? $"'{a}'" : a));
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                return new ToolRun(command, -1, output.Result, error.Result + $"\n{program}: timed out");
            }
            process.WaitForExit();
            return new ToolRun(command, process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new ToolRun(command, -1, "", $"{program}: cannot run it: {ex.Message}");
        }
    }
}
