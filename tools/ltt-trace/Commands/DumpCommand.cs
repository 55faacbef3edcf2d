using System.CommandLine;
using System.Text;
using Ltt.Cli;
using Ltt.Trace.Reader.Text;

namespace LttTrace.Commands;

/// <summary><c>ltt-trace dump TRACE</c>: every event, one line each, exactly as <c>babeltrace2 TRACE</c> prints it.</summary>
public static class DumpCommand
{
    public static Command Create() => TraceInput.Command("dump", "Print every event as babeltrace2's default text output does.", Run);

    public static int Run(string path, TextWriter output, TextWriter error)
    {
        if (!TraceInput.TryOpen(path, error, out var traces))
            return (int)ExitCode.BadInput;
        using (traces)
        {
            TraceDump.Result result;
            if (ReferenceEquals(output, Console.Out))
            {
                using var stdout = Console.OpenStandardOutput();
                result = TraceReadProgress.Run("dump", path, error, writesWhileReading: true, () => TraceDump.Write(traces, stdout));
            }
            else
            {
                using var buffer = new MemoryStream();
                result = TraceDump.Write(traces, buffer);
                output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                output.Flush();
            }
            foreach (var d in result.Diagnostics)
                error.WriteLine($"ltt-trace: {d}");
            return result.Diagnostics.Count == 0 ? (int)ExitCode.Success : (int)ExitCode.BadInput;
        }
    }
}
