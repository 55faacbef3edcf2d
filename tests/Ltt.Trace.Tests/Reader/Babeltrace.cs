using System.Diagnostics;

namespace Ltt.Trace.Tests.Reader;

/// <summary>Runs the installed babeltrace2 (the reference reader); a missing babeltrace2 fails the test, with how to install it.</summary>
internal static class Babeltrace
{
    public static (byte[] Stdout, string Stderr, int ExitCode) Run(params string[] args)
    {
        var start = new ProcessStartInfo("babeltrace2")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("babeltrace2 did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("babeltrace2 is not installed (run `bash .ci/install`, which installs the Debian package babeltrace2): " + ex.Message);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(stdout);
            process.WaitForExit();
            return (stdout.ToArray(), stderr.Result, process.ExitCode);
        }
    }
}
