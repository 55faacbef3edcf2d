using System.Diagnostics;

namespace Ltt.Tracepoints.Tests.RealTree;

/// <summary>Runs gcc with arguments and optional standard input; the tests' only compiler driver.</summary>
internal static class Gcc
{
    public static (int Code, string Output, string Error) Run(IReadOnlyList<string> args, string? stdin = null)
    {
        var start = new ProcessStartInfo("gcc")
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
            start.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("gcc is missing: run .ci/install");
            throw;
        }
        using (p)
        {
            if (stdin is not null)
            {
                p.StandardInput.Write(stdin);
                p.StandardInput.Close();
            }
            var error = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            error.Wait();
            p.WaitForExit();
            return (p.ExitCode, output, error.Result);
        }
    }
}
