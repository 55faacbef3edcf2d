using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Text;
using Ltt.Trace.Validation;

namespace Ltt.Benchmarks;

/// <summary>What `ltt-trace stats`, `dump` and `validate` do between parsing their arguments and printing: open the trace and read it all.</summary>
internal static class ReaderOperations
{
    public static readonly string[] Names = ["stats", "dump", "validate"];

    /// <summary>Runs one operation on a trace; returns the events it read.</summary>
    public static long Run(string operation, string trace)
    {
        var opened = TraceSet.Open(trace);
        using var traces = opened.Traces ?? throw new InvalidOperationException($"{trace}: {string.Join("; ", opened.Diagnostics)}");
        switch (operation)
        {
            case "stats":
                return TraceStatistics.Collect(traces).Events;
            case "dump":
            {
                using var devNull = new FileStream("/dev/null", FileMode.Open, FileAccess.Write);
                return TraceDump.Write(traces, devNull).Events;
            }
            case "validate":
                return TraceValidator.Validate(trace, traces).Events;
            default:
                throw new ArgumentException("unknown operation " + operation, nameof(operation));
        }
    }

    /// <summary>
    /// `reader-child OPERATION TRACE [REPEAT]`: the operation alone in a fresh process (REPEAT
    /// times, default once: more to profile it warm with perf), which then prints the events
    /// read and its peak resident memory (VmHWM, KiB): what a user's `ltt-trace OPERATION` holds at most.
    /// </summary>
    public static int Child(string[] args)
    {
        if (args.Length is < 2 or > 3 || !Names.Contains(args[0]))
        {
            Console.Error.WriteLine("usage: reader-child <stats|dump|validate> TRACE [REPEAT]");
            return 2;
        }
        long events = 0;
        for (int i = 0; i < (args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1); i++)
            events = Run(args[0], args[1]);
        string hwm = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        Console.WriteLine($"{events} {hwm.Split(':')[1].Trim().Split(' ')[0]}");
        return 0;
    }
}
