namespace Ltt.Trace.Reader.Metadata;

/// <summary>A named member of a structure or an option of a variant, as written in the metadata (with its leading underscore).</summary>
public sealed record CtfMember(string Name, CtfType Type);
