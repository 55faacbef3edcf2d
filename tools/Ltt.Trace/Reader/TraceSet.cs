using Ltt.Trace.Reader.Decoding;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader;

/// <summary>
/// One or more CTF traces opened together (a directory holding <c>metadata</c>, or a session
/// directory with several such traces below it), their streams merged by timestamp like
/// babeltrace2's muxer: the event with the smallest time comes first, ties broken by stream
/// class, stream and event class ids, then stream order.
/// </summary>
public sealed class TraceSet : IDisposable
{
    private readonly List<StreamCursor> _streams;
    private readonly List<StreamCursor> _active = [];
    private StreamCursor? _current;
    private bool _started;

    private TraceSet(IReadOnlyList<(string Directory, CtfTraceClass Trace)> traces, List<StreamCursor> streams)
    {
        Traces = traces;
        _streams = streams;
    }

    /// <summary>The check name of the diagnostics that say there is no trace at the path at all.</summary>
    public const string OpenCheck = "open";

    /// <summary>Each trace's directory and metadata.</summary>
    public IReadOnlyList<(string Directory, CtfTraceClass Trace)> Traces { get; }

    public IReadOnlyList<StreamCursor> Streams => _streams;

    /// <summary>The stream holding the current event.</summary>
    public StreamCursor Current => _current ?? throw new InvalidOperationException("MoveNext() has not returned true");

    /// <summary>Every stream's diagnostics so far.</summary>
    public IEnumerable<TraceDiagnostic> Diagnostics => _streams.SelectMany(s => s.Diagnostics);

    /// <summary>Opens every trace under <paramref name="path"/>: a directory with a <c>metadata</c> file, or any directory above such ones.</summary>
    public static TraceOpenResult Open(string path)
    {
        var diagnostics = new List<TraceDiagnostic>();
        if (!Directory.Exists(path))
        {
            diagnostics.Add(new TraceDiagnostic(OpenCheck, path, "no such directory"));
            return new TraceOpenResult(null, diagnostics);
        }
        var directories = Directory.GetFiles(path, "metadata", SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (directories.Count == 0)
        {
            diagnostics.Add(new TraceDiagnostic(OpenCheck, path, "no CTF trace here: no 'metadata' file in this directory or below"));
            return new TraceOpenResult(null, diagnostics);
        }
        var traces = new List<(string, CtfTraceClass)>();
        var streams = new List<StreamCursor>();
        foreach (string directory in directories)
        {
            string relative = Path.GetRelativePath(path, directory);
            string prefix = relative == "." ? "" : relative + "/";
            var parsed = MetadataFile.Load(Path.Combine(directory, "metadata"));
            foreach (var d in parsed.Diagnostics)
                diagnostics.Add(d with { File = prefix + d.File });
            if (parsed.Trace is null)
                continue;
            var compileDiagnostics = new List<TraceDiagnostic>();
            var compiled = CompiledTrace.Compile(parsed.Trace, compileDiagnostics);
            foreach (var d in compileDiagnostics)
                diagnostics.Add(d with { File = prefix + d.File });
            if (compiled is null)
                continue;
            traces.Add((directory, parsed.Trace));
            foreach (string file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(file);
                if (name == "metadata" || name.StartsWith('.'))
                    continue;
                streams.Add(new StreamCursor(compiled, file, prefix + name, streams.Count));
            }
        }
        if (diagnostics.Count > 0)
        {
            foreach (var s in streams)
                s.Dispose();
            return new TraceOpenResult(null, diagnostics);
        }
        return new TraceOpenResult(new TraceSet(traces, streams), diagnostics);
    }

    /// <summary>Moves to the next event of all streams in time order.</summary>
    public bool MoveNext()
    {
        if (!_started)
        {
            _started = true;
            foreach (var s in _streams)
            {
                if (s.MoveNext())
                    _active.Add(s);
            }
        }
        else if (_current is not null && !_current.MoveNext())
        {
            _active.Remove(_current);
        }
        if (_active.Count == 0)
        {
            _current = null;
            return false;
        }
        var best = _active[0];
        long bestTime = best.TimestampNs;
        for (int i = 1; i < _active.Count; i++)
        {
            var s = _active[i];
            long time = s.TimestampNs;
            if (time < bestTime || (time == bestTime && Before(s, best)))
            {
                best = s;
                bestTime = time;
            }
        }
        _current = best;
        return true;
    }

    private static bool Before(StreamCursor a, StreamCursor b)
    {
        long sa = a.StreamClass!.Id, sb = b.StreamClass!.Id;
        if (sa != sb)
            return sa < sb;
        ulong ia = a.StreamInstanceId ?? (ulong)a.Order, ib = b.StreamInstanceId ?? (ulong)b.Order;
        if (ia != ib)
            return ia < ib;
        long ea = a.EventClass!.Id, eb = b.EventClass!.Id;
        if (ea != eb)
            return ea < eb;
        return a.Order < b.Order;
    }

    public void Dispose()
    {
        foreach (var s in _streams)
            s.Dispose();
    }
}
