using Ltt.Probes.Plan;
using Ltt.Tracepoints.Model;

namespace Ltt.Fuzz;

/// <summary>The generator's own parsers that need a model beside the text.</summary>
public static partial class FuzzTargets
{
    /// <summary>
    /// The golden-file format of the FastAssign tests: a first line <c>fields: name type, ...</c>
    /// (the entry fields), then the body. A field the line cannot describe is left out, so every
    /// input runs the parser.
    /// </summary>
    private static void FastAssign(byte[] input)
    {
        string text = Text(input);
        int newline = text.IndexOf('\n');
        string first = newline < 0 ? text : text[..newline];
        var fields = first.StartsWith("fields: ", StringComparison.Ordinal)
            ? first["fields: ".Length..].Split(',', StringSplitOptions.TrimEntries).Select(Field).OfType<EventField>().ToList()
            : [];
        string body = first.StartsWith("fields: ", StringComparison.Ordinal) ? (newline < 0 ? "" : text[(newline + 1)..]) : text;
        FastAssignParser.Parse(SourceText.Parse(body, new SourceLocation("fuzz.h", 2)), fields);
    }

    private static EventField? Field(string declaration)
    {
        // Built here, not in a static initializer: instrumented code must not run before the fuzzer sets up its map.
        CType charType = new("char", "char", CTypeKind.Integer, 1, 1, true);
        CType u8 = new("u8", "unsigned char", CTypeKind.Integer, 1, 1, false);
        CType unsignedLong = new("unsigned long", "unsigned long", CTypeKind.Integer, 8, 8, false);
        int space = declaration.IndexOf(' ');
        if (space <= 0)
            return null;
        string name = declaration[..space], type = declaration[(space + 1)..];
        if (type.EndsWith(']'))
        {
            int open = type.IndexOf('[');
            if (open < 0 || !long.TryParse(type[(open + 1)..^1], out long length) || length is < 1 or > 4096)
                return null;
            CType element = type[..open] switch { "char" => charType, "u8" => u8, _ => unsignedLong };
            var array = new CType($"{element.Spelling}[{length}]", $"{element.Canonical}[{length}]", CTypeKind.Array, length * element.Size, element.Alignment, false, length, element);
            return new EventField(name, "__array", array.Spelling, array, 0, array.Size, element.IsSigned, length);
        }
        return type switch
        {
            "__string" => new EventField(name, "__string", "__data_loc char[]", charType, 0, 4, true, IsDataLoc: true),
            "__dynamic_array(char)" => new EventField(name, "__dynamic_array", "__data_loc char[]", charType, 0, 4, true, IsDataLoc: true),
            "__bitmask" => new EventField(name, "__bitmask", "__data_loc unsigned long[]", unsignedLong, 0, 4, false, IsDataLoc: true),
            "int" => new EventField(name, "__field", "int", new CType("int", "int", CTypeKind.Integer, 4, 4, true), 0, 4, true),
            "long" => new EventField(name, "__field", "long", new CType("long", "long", CTypeKind.Integer, 8, 8, true), 0, 8, true),
            "u64" => new EventField(name, "__field", "u64", new CType("u64", "unsigned long long", CTypeKind.Integer, 8, 8, false), 0, 8, false),
            _ => new EventField(name, "__field", "unsigned long", unsignedLong, 0, 8, false),
        };
    }
}
