using Ltt.IO;
using System.Text;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Text;

namespace Ltt.Validation.Harness;

/// <summary>
/// Runs babeltrace2 on a trace and compares its text with <c>ltt-trace dump</c>'s, line by line:
/// equal text means babeltrace2 decodes the same values the run checked.
/// </summary>
internal static class BabeltraceCheck
{
    /// <summary>Adds a mismatch per differing line (the first few); returns an error when babeltrace2 cannot run.</summary>
    public static string? Compare(string babeltrace, string tracePath, List<CiMismatch> mismatches)
    {
        var run = ToolRun.Start(babeltrace, [tracePath]);
        if (run.NotStarted)
            return $"cannot run {babeltrace} (install the Debian package babeltrace2): {run.Error}";
        int exit = run.ExitCode;
        string stderr = run.Error;
        if (exit != 0)
        {
            mismatches.Add(new CiMismatch(CiStage.Babeltrace2, "-", null, $"babeltrace2 exited with {exit}: {stderr.Trim()}"));
            return null;
        }
        using var traces = TraceSet.Open(tracePath).Traces!;
        using var ours = new MemoryStream();
        TraceDump.Write(traces, ours);
        string[] a = Encoding.UTF8.GetString(ours.ToArray()).Split('\n');
        string[] b = run.Output.Split('\n');
        int reported = 0;
        for (int i = 0; i < Math.Max(a.Length, b.Length) && reported < 10; i++)
        {
            string mine = i < a.Length ? a[i] : "(no line)";
            string other = i < b.Length ? b[i] : "(no line)";
            if (mine == other)
                continue;
            mismatches.Add(new CiMismatch(CiStage.Babeltrace2, EventName(mine), null, $"line {i + 1}: ltt-trace decodes {mine}, babeltrace2 decodes {other}"));
            reported++;
        }
        return null;
    }

    private static string EventName(string line)
    {
        int colon = line.IndexOf(": ", line.IndexOf(") ", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        if (colon < 0)
            return "-";
        string head = line[..colon];
        int space = head.LastIndexOf(' ');
        return space >= 0 ? head[(space + 1)..] : head;
    }
}
