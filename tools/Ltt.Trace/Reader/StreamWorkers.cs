namespace Ltt.Trace.Reader;

/// <summary>
/// Runs one piece of work per stream of a trace set on every core: a stream per worker, the
/// largest files first so a long stream does not start last. Streams are independent (each
/// cursor has its own mapping, reader and tapes; the compiled layouts are shared read-only), so
/// nothing is locked while decoding; results are written per stream and combined after.
/// </summary>
internal static class StreamWorkers
{
    public static void ForEach(IReadOnlyList<StreamCursor> streams, Action<StreamCursor> work)
    {
        if (streams.Count <= 1 || Environment.ProcessorCount == 1)
        {
            foreach (var stream in streams)
                work(stream);
            return;
        }
        var ordered = streams.OrderByDescending(s => s.Length).ThenBy(s => s.Order).ToList();
        int next = -1;
        int workers = Math.Min(Environment.ProcessorCount, ordered.Count);
        var threads = new Thread[workers - 1];
        Exception? failure = null;
        void Loop()
        {
            try
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < ordered.Count)
                    work(ordered[index]);
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
            }
        }
        for (int i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(Loop) { IsBackground = true, Name = "ltt-trace reader " + (i + 1) };
            threads[i].Start();
        }
        Loop();
        foreach (var thread in threads)
            thread.Join();
        if (failure is not null)
            throw new AggregateException(failure);
    }
}
