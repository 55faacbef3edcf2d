namespace Ltt.Trace.Buffers;

/// <summary>
/// A slot reserved in a <see cref="RingBuffer"/>: the header is written, the payload goes at
/// <see cref="PayloadPosition"/>, and <see cref="RingBuffer.Commit(in Reservation)"/> must follow on the same
/// buffer object (not the buffer of the CPU the thread is on by then).
/// </summary>
public readonly struct Reservation
{
    internal Reservation(long start, long payloadPosition, int commitBytes)
    {
        Start = start;
        PayloadPosition = payloadPosition;
        CommitBytes = commitBytes;
    }

    /// <summary>Free-running position of the slot's first byte (a packet header when it opens a sub-buffer).</summary>
    public long Start { get; }

    /// <summary>Free-running position of the payload's first byte, aligned to the payload's alignment.</summary>
    public long PayloadPosition { get; }

    /// <summary>Bytes the commit accounts for: everything from <see cref="Start"/> to the payload's end.</summary>
    public int CommitBytes { get; }
}
