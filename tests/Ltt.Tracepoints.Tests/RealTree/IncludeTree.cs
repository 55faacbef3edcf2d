namespace Ltt.Tracepoints.Tests.RealTree;

/// <summary>
/// What gcc's <c>-H</c> says a .c file includes, read for the trace headers it instantiates: those
/// include/trace/trace_events.h reads (the stages that define <c>struct trace_event_raw_*</c>), which
/// happens only for a header included after <c>#define CREATE_TRACE_POINTS</c> in a build with tracepoints.
/// </summary>
internal static class IncludeTree
{
    /// <summary>The full paths of the headers trace_events.h includes, from gcc's <c>-H</c> lines (". path", ".. path", ...).</summary>
    public static HashSet<string> Instantiated(string gccHOutput)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        int stagesDepth = -1;
        foreach (string line in gccHOutput.Split('\n'))
        {
            int depth = 0;
            while (depth < line.Length && line[depth] == '.')
                depth++;
            if (depth == 0 || depth >= line.Length || line[depth] != ' ')
                continue;
            string path = Path.GetFullPath(line[(depth + 1)..].Trim());
            if (stagesDepth >= 0 && depth <= stagesDepth)
                stagesDepth = -1;
            if (stagesDepth >= 0 && depth == stagesDepth + 1)
                result.Add(path);
            if (path.EndsWith("/include/trace/trace_events.h", StringComparison.Ordinal))
                stagesDepth = depth;
        }
        return result;
    }
}
