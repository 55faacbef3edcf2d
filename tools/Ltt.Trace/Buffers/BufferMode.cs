namespace Ltt.Trace.Buffers;

/// <summary>What a channel does when a writer needs a sub-buffer the consumer has not read yet.</summary>
public enum BufferMode
{
    /// <summary>Drop the new event and count it: the trace keeps its oldest data (LTTng's default).</summary>
    Discard,

    /// <summary>Flight recorder: overwrite the oldest sub-buffer and count its events as lost; the
    /// trace keeps the newest data and a reader sees the hole as lost packets.</summary>
    Overwrite,
}
