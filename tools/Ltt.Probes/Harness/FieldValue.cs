using System.Globalization;

namespace Ltt.Probes.Harness;

/// <summary>
/// A field's value: an integer (any width, signed or not), a string, or (<see cref="IsList"/>)
/// the elements of an array or sequence, held as their text <c>[1, -2, 3]</c> so that two
/// values compare by content.
/// </summary>
public readonly record struct FieldValue(Int128 Integer, string? Text, bool IsList = false)
{
    public static FieldValue Of(Int128 integer) => new(integer, null);

    public static FieldValue Of(string text) => new(0, text);

    /// <summary>An array's or sequence's elements, in decimal as the trace reader prints them.</summary>
    public static FieldValue List(IEnumerable<Int128> elements) =>
        new(0, "[" + string.Join(", ", elements.Select(e => e.ToString(CultureInfo.InvariantCulture))) + "]", true);

    public bool IsString => Text is not null && !IsList;

    public override string ToString() => IsList ? Text! : Text is not null
        ? "\"" + Text + "\""
        : Integer < 0 ? Integer.ToString(CultureInfo.InvariantCulture) : $"{Integer} (0x{Integer:x})";
}
