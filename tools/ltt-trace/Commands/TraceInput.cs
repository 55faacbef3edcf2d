using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Ltt.Trace.Reader;

namespace LttTrace.Commands;

/// <summary>The trace argument the reading commands share, and opening it with its problems reported.</summary>
public static class TraceInput
{
    public static Argument<string> Argument() =>
        new("trace") { Description = "Trace directory (holding 'metadata'), or a directory above several traces." };

    /// <summary>Opens the trace; on failure writes each diagnostic to <paramref name="error"/> and returns false.</summary>
    public static bool TryOpen(string path, TextWriter error, [NotNullWhen(true)] out TraceSet? traces)
    {
        var opened = TraceSet.Open(path);
        traces = opened.Traces;
        if (traces is not null)
            return true;
        foreach (var d in opened.Diagnostics)
            error.WriteLine($"ltt-trace: {d}");
        return false;
    }
}
