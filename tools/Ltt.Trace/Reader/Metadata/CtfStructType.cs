namespace Ltt.Trace.Reader.Metadata;

/// <summary>A structure: members in order, aligned on the largest of its members and its own <c>align(n)</c>.</summary>
public sealed class CtfStructType(IReadOnlyList<CtfMember> members, int minimumAlignmentBits) : CtfType
{
    public IReadOnlyList<CtfMember> Members { get; } = members;

    public int MinimumAlignmentBits { get; } = minimumAlignmentBits;

    public override int AlignmentBits => Math.Max(MinimumAlignmentBits, Members.Count == 0 ? 1 : Members.Max(m => m.Type.AlignmentBits));

    public CtfMember? Find(string name) => Members.FirstOrDefault(m => m.Name == name);
}
