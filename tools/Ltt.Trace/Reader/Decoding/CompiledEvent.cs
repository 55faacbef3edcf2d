using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>An event class with its context and payload compiled.</summary>
internal sealed class CompiledEvent(CtfEventClass eventClass, CompiledScope context, CompiledScope payload)
{
    public CtfEventClass Class { get; } = eventClass;

    public CompiledScope Context { get; } = context;

    public CompiledScope Payload { get; } = payload;

    /// <summary>Name as UTF-8, written as is by the text printer.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(eventClass.Name);
}
