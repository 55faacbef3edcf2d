using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ltt.IO;

/// <summary>
/// One run of an external program (gcc, make/kbuild, babeltrace2, perl checkpatch.pl, git,
/// QEMU, the harness): its command line, exit code and captured output. The one way the
/// toolkit starts a process: output read as UTF-8 on both pipes at once (no deadlock on a full
/// pipe), an optional standard input, extra environment variables, a time-out after which
/// the whole process tree is killed. A program that cannot start, or that times out, gives
/// exit code -1 and says why in <see cref="Error"/>; nothing is thrown.
/// </summary>
public sealed record ToolRun(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>How long a run may take unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public bool Success => ExitCode == 0;

    /// <summary>The program could not be started (not installed, not executable).</summary>
    public bool NotStarted { get; init; }

    /// <summary>The run went past its time-out and was killed.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The caller's cancellation token fired and the run was killed.</summary>
    public bool Cancelled { get; init; }

    /// <param name="environment">Variables set for the program, over the inherited ones.</param>
    /// <param name="input">Text written to the program's standard input, which is then closed; null leaves it unredirected.</param>
    /// <param name="cancel">Kills the process tree when it fires (the run then has exit code -1 and <see cref="Cancelled"/>).</param>
    public static ToolRun Start(string program, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null, string? input = null, CancellationToken cancel = default)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (input is not null)
            info.StandardInputEncoding = Utf8;
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        string command = program + " " + string.Join(' ', info.ArgumentList.Select(a => a.Contains(' ') ? $"'{a}'" : a));
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception ex)
        {
            return new ToolRun(command, -1, "", $"{program}: cannot run it: {ex.Message}") { NotStarted = true };
        }
        using (process)
        {
            // The reads run to the end even when cancelled: the process is killed and its output still reported.
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            if (input is not null)
            {
                try
                {
                    process.StandardInput.Write(input);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The program ended without reading all of its input: its exit code says why.
                }
            }
            if (!Exited(process, timeout ?? DefaultTimeout, cancel))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                if (cancel.IsCancellationRequested)
                    return new ToolRun(command, -1, output.Result, error.Result + $"\n{program}: stopped by the caller") { Cancelled = true };
                return new ToolRun(command, -1, output.Result, error.Result + $"\n{program}: timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0} s") { TimedOut = true };
            }
            process.WaitForExit();
            return new ToolRun(command, process.ExitCode, output.Result, error.Result);
        }
    }

    private static bool Exited(Process process, TimeSpan timeout, CancellationToken cancel)
    {
        if (!cancel.CanBeCanceled)
            return process.WaitForExit(timeout);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static readonly UTF8Encoding Utf8 = new(false);
}
