using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>An event class with its context and payload compiled.</summary>
internal sealed class CompiledEvent(CtfEventClass eventClass, CompiledScope context, CompiledScope payload, int index)
{
    /// <summary>Position of the event class among all of its trace's, for per-class counters kept in arrays.</summary>
    public int Index { get; } = index;

    public CtfEventClass Class { get; } = eventClass;

    public CompiledScope Context { get; } = context;

    public CompiledScope Payload { get; } = payload;

    /// <summary>
    /// No context (of the stream or of the event) and a payload of fixed-size little-endian fields, or none:
    /// such events decode in one step after a compact header. Set by the stream class, which owns the stream context.
    /// </summary>
    public bool Lean { get; internal set; }

    /// <summary>Some field of the event (its stream's context included) is an enumeration: the enumeration check has something to look at.</summary>
    public bool HasEnums { get; internal set; }

    /// <summary>Name as UTF-8, written as is by the text printer.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(eventClass.Name);
}
