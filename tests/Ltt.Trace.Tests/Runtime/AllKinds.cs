using System.Globalization;
using System.Text.RegularExpressions;
using Ltt.Trace.Layout;
using Ltt.Trace.Runtime;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// A catalog with every field kind the serializer writes (integers of 1, 2, 3, 4 and 8 bytes,
/// signed and not, both byte orders; floats; a string; a fixed array; a sequence and its
/// length; a char array) and an event id above 30 (extended headers), and what a reader must
/// show for its values as the synthetic workload writes them.
/// </summary>
internal static partial class AllKinds
{
    public static EventCatalog Catalog { get; } = new(
        "x86_64",
        8,
        ByteOrder.LittleEndian,
        [
            new EventLayout(3, "ltt_test:numbers", "channel0",
            [
                FieldLayout.Integer("small", 1, signed: false),
                FieldLayout.Integer("be16", 2, signed: true, byteOrder: ByteOrder.BigEndian),
                FieldLayout.Integer("odd", 3, signed: false, alignment: 1),
                FieldLayout.Integer("u32", 4, signed: false),
                new FieldLayout("f32", FieldKind.Float, 4, 4),
                FieldLayout.Integer("s64", 8, signed: true),
                new FieldLayout("f64", FieldKind.Float, 8, 8),
            ]),
            new EventLayout(40, "ltt_test:shapes", "channel0",
            [
                FieldLayout.String("name"),
                new FieldLayout("arr", FieldKind.Array, 2, 2, Length: 4, Element: FieldLayout.Integer("arr", 2, signed: false)),
                FieldLayout.Integer("len", 1, signed: false),
                new FieldLayout("seq", FieldKind.Sequence, 4, 4, LengthField: "len", Element: FieldLayout.Integer("seq", 4, signed: true)),
                FieldLayout.Integer("marker", 1, signed: false),
                new FieldLayout("text", FieldKind.Array, 1, 1, Length: 8, CType: "char", Element: new FieldLayout("text", FieldKind.Integer, 1, 1, CType: "char")),
                FieldLayout.Integer("last", 8, signed: false),
            ]),
        ],
        "ltt-trace tests");

    /// <summary>The top-level integer and string fields of iteration <paramref name="i"/> (thread 0), as babeltrace2 prints them.</summary>
    public static Dictionary<string, string> Expected(EventLayout layout, long i, object[] decoded)
    {
        var result = new Dictionary<string, string>();
        for (int k = 0; k < layout.Fields.Count; k++)
        {
            FieldLayout field = layout.Fields[k];
            if (field.Kind == FieldKind.String)
            {
                string text = $"t0-v{i % 8}-{k}";
                Assert.Equal(text, decoded[k]);
                result[field.Name] = "\"" + text + "\"";
            }
            else if (field.Kind == FieldKind.Integer)
            {
                ulong raw = WorkloadValues.IsLengthField(layout.Fields, k)
                    ? (ulong)(i % 8 % 5)
                    : WorkloadValues.IntegerValue(i, k, 0).Bits;
                int bits = 8 * field.Size;
                ulong truncated = bits == 64 ? raw : raw & ((1UL << bits) - 1);
                string text = field.Signed && bits < 64 && (truncated >> (bits - 1)) != 0
                    ? ((long)(truncated | (ulong.MaxValue << bits))).ToString(CultureInfo.InvariantCulture)
                    : field.Signed ? ((long)truncated).ToString(CultureInfo.InvariantCulture) : truncated.ToString(CultureInfo.InvariantCulture);
                Assert.Equal(text, Convert.ToString(decoded[k], CultureInfo.InvariantCulture));
                result[field.Name] = text;
            }
        }
        return result;
    }

    /// <summary>The top-level integer and string fields of a babeltrace2 line (the last brace group).</summary>
    public static Dictionary<string, string> Babeltrace(string line)
    {
        int payload = line.LastIndexOf("}, {", StringComparison.Ordinal);
        string text = payload < 0 ? line : line[(payload + 3)..];
        var result = new Dictionary<string, string>();
        int depth = 0;
        foreach (Match match in TopLevelField().Matches(text))
        {
            // Skip fields inside arrays: count brackets before the match.
            depth = text[..match.Index].Count(c => c == '[') - text[..match.Index].Count(c => c == ']');
            if (depth == 0 && (match.Groups["value"].Value.StartsWith('"') || char.IsDigit(match.Groups["value"].Value[^1])))
                result[match.Groups["name"].Value] = match.Groups["value"].Value;
        }
        foreach (string notChecked in new[] { "f32", "f64", "text" })
            result.Remove(notChecked);
        return result;
    }

    [GeneratedRegex(@"(?<=[{,] )(?<name>[a-z_0-9]+) = (?<value>""[^""]*""|-?[0-9][0-9.e+-]*)")]
    private static partial Regex TopLevelField();
}
