using System.Runtime.CompilerServices;

namespace Ltt.Trace.Runtime;

/// <summary>
/// What a writer thread keeps between writes, so the hot path does no lookup beyond one
/// thread-static load: for the session it wrote to last, its commit row in each buffer (see <see cref="Buffers.RingBuffer"/>'s design notes).
/// A thread that alternates between sessions finds its rows for each in a weak table.
/// Only the owning thread touches an instance.
/// </summary>
internal sealed class WriterState
{
    [ThreadStatic]
    private static WriterState? t_current;

    private readonly ConditionalWeakTable<TraceSession, nint[]> _rowsBySession = new();

    /// <summary>The session of the last write; <see cref="Rows"/> belong to it.</summary>
    public TraceSession? Session { get; private set; }

    /// <summary>This thread's commit row in each buffer of <see cref="Session"/> (0 until its first write there).</summary>
    public nint[] Rows { get; private set; } = [];

    public static WriterState? Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_current;
    }

    /// <summary>The calling thread's state, switched to <paramref name="session"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WriterState Attach(TraceSession session, int buffers)
    {
        WriterState state = t_current ??= new WriterState();
        state.Rows = state._rowsBySession.GetValue(session, _ => new nint[buffers]);
        state.Session = session;
        return state;
    }
}
