using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>What printing and checking need about an op beyond decoding it.</summary>
/// <param name="Name">The name as babeltrace2 shows it (leading underscore removed), or null for elements.</param>
/// <param name="Path">Full metadata path (<c>event.fields._seq</c>), for messages.</param>
/// <param name="Visible">Whether babeltrace2 keeps the field in its trace IR (and so prints it).</param>
internal sealed record OpInfo(string? Name, string Path, bool Visible, CtfType Type)
{
    /// <summary>The shown name as UTF-8, written as is by the text printer.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name ?? "");

    /// <summary>For enumerations: each label once, in order of first appearance, with its ranges (babeltrace2's mapping order).</summary>
    public (byte[] Label, CtfEnumMapping[] Ranges)[] EnumLabels { get; } = Type is CtfEnumType e
        ? e.Mappings.GroupBy(m => m.Label).Select(g => (System.Text.Encoding.UTF8.GetBytes(g.Key), g.ToArray())).ToArray()
        : [];

    public CtfIntegerType? Integer => Type as CtfIntegerType ?? (Type as CtfEnumType)?.Container;

    public CtfEnumType? Enum => Type as CtfEnumType;

    public CtfVariantType? Variant => Type as CtfVariantType;

    /// <summary>For variants: the first op index (relative to the variant op) and the op count of each option.</summary>
    public (int Start, int Length)[] Options { get; init; } = [];

    /// <summary>For variants: which tag values select which option.</summary>
    public VariantSelector[] Selectors { get; init; } = [];

    /// <summary>For variants: whether the tag compares signed.</summary>
    public bool TagSigned { get; init; }
}
