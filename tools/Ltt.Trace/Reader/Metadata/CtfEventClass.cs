namespace Ltt.Trace.Reader.Metadata;

/// <summary>An event block: id, name, owning stream class, optional context and payload structures.</summary>
public sealed record CtfEventClass(
    long Id,
    string Name,
    long StreamId,
    CtfStructType? Context,
    CtfStructType? Payload,
    int? LogLevel = null,
    string? ModelEmfUri = null);
