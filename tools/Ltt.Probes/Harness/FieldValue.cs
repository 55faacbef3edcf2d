using System.Globalization;

namespace Ltt.Probes.Harness;

/// <summary>A field's value: an integer (any width, signed or not) or a string.</summary>
public readonly record struct FieldValue(Int128 Integer, string? Text)
{
    public static FieldValue Of(Int128 integer) => new(integer, null);

    public static FieldValue Of(string text) => new(0, text);

    public bool IsString => Text is not null;

    public override string ToString() => Text is not null
        ? "\"" + Text + "\""
        : Integer < 0 ? Integer.ToString(CultureInfo.InvariantCulture) : $"{Integer} (0x{Integer:x})";
}
