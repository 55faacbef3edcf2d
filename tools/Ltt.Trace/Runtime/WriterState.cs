using System.Runtime.CompilerServices;

namespace Ltt.Trace.Runtime;

/// <summary>
/// What a writer thread keeps between writes, so the hot path does no lookup beyond its
/// thread-statics: the session it wrote to last and its commit row in each buffer of that
/// session (see <see cref="Buffers.RingBuffer"/>'s design notes). Two thread-statics of one
/// class rather than one object holding both: the write path then loads them side by side
/// from the thread's static base, one dependent load fewer before the clock read. A thread
/// that alternates between sessions finds its rows for each in a weak table. Only the owning
/// thread touches its values.
/// </summary>
internal static class WriterState
{
    [ThreadStatic]
    private static TraceSession? _threadSession;

    [ThreadStatic]
    private static nint[]? _threadRows;

    [ThreadStatic]
    private static ConditionalWeakTable<TraceSession, nint[]>? _threadRowsBySession;

    /// <summary>The calling thread's commit row in each buffer of <paramref name="session"/>
    /// (0 until its first write there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint[] Rows(TraceSession session, int buffers)
    {
        nint[]? rows = _threadRows;
        return _threadSession == session && rows is not null ? rows : Attach(session, buffers);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint[] Attach(TraceSession session, int buffers)
    {
        _threadRowsBySession ??= new ConditionalWeakTable<TraceSession, nint[]>();
        nint[] rows = _threadRowsBySession.GetValue(session, _ => new nint[buffers]);
        _threadRows = rows;
        _threadSession = session;
        return rows;
    }
}
