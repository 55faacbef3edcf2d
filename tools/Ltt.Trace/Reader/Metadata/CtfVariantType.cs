namespace Ltt.Trace.Reader.Metadata;

/// <summary>A variant: the option whose name is the label of the tag enumeration's current value.</summary>
/// <param name="tag">Path to the tag field (<c>id</c>, <c>stream.event.header.id</c>), or null when not yet given.</param>
public sealed class CtfVariantType(string? tag, IReadOnlyList<CtfMember> options) : CtfType
{
    public string? Tag { get; } = tag;

    public IReadOnlyList<CtfMember> Options { get; } = options;

    /// <summary>A variant is not aligned itself: its selected option is.</summary>
    public override int AlignmentBits => 1;

    public CtfVariantType WithTag(string tag) => new(tag, Options);
}
