using System.Text;
using Ltt.Probes.Plan;
using Ltt.Testing;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests;

/// <summary>FastAssignParser over the golden cases of FastAssign/ (format in its README).</summary>
public sealed class FastAssignParserTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(RepoPaths.TestData("Ltt.Probes.Tests", "FastAssign"), "*.assign").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlacesEachFieldAsTheGoldenFileSays(string name)
    {
        string folder = RepoPaths.TestData("Ltt.Probes.Tests", "FastAssign");
        string[] lines = File.ReadAllText(Path.Combine(folder, name + ".assign")).Split('\n');
        Assert.StartsWith("fields: ", lines[0]);
        var fields = lines[0]["fields: ".Length..].Split(',', StringSplitOptions.TrimEntries).Select(Field).ToList();
        var body = SourceText.Parse(string.Join('\n', lines.Skip(1)), new SourceLocation("x.h", 1));

        var result = FastAssignParser.Parse(body, fields);

        var text = new StringBuilder();
        var rows = result.Sources.Values
            .Select(s => $"{s.Field} {s.Kind} @{s.Location.Line}: {s.Expression?.Text.Replace("\n", "\\n") ?? "(from __string)"}{(s.Count is null ? "" : " | " + s.Count)}" +
                (s.Prologue.Count == 0 ? "" : $" [after: {string.Join(" ", s.Prologue.Select(p => $"{p.Declaration} = {p.Value};"))}]"))
            .Concat(result.Unplaced.Select(u => $"{u.Field} unplaced @{u.Location.Line}: {u.Reason}"))
            .Order(StringComparer.Ordinal);
        foreach (string row in rows)
            text.Append(row).Append('\n');
        // LTT_UPDATE_GOLDEN=1 rewrites the expected files; review them with git diff.
        if (Environment.GetEnvironmentVariable("LTT_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(folder, name + ".expected"), text.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(folder, name + ".expected")), text.ToString());
    }

    [Fact]
    public void NoBodyPlacesNothing()
    {
        Assert.Same(FastAssignResult.Empty, FastAssignParser.Parse(null, []));
    }

    private static readonly CType Char = new("char", "char", CTypeKind.Integer, 1, 1, true);
    private static readonly CType U8 = new("u8", "unsigned char", CTypeKind.Integer, 1, 1, false);
    private static readonly CType ULong = new("unsigned long", "unsigned long", CTypeKind.Integer, 8, 8, false);

    private static EventField Field(string declaration)
    {
        int space = declaration.IndexOf(' ');
        string name = declaration[..space], type = declaration[(space + 1)..];
        if (type.EndsWith(']'))
        {
            int open = type.IndexOf('[');
            long length = long.Parse(type[(open + 1)..^1]);
            CType element = type[..open] switch { "char" => Char, "u8" => U8, _ => ULong };
            var array = new CType($"{element.Spelling}[{length}]", $"{element.Canonical}[{length}]", CTypeKind.Array, length * element.Size, element.Alignment, false, length, element);
            return new EventField(name, "__array", array.Spelling, array, 0, array.Size, element.IsSigned, length);
        }
        return type switch
        {
            "__string" => new EventField(name, "__string", "__data_loc char[]", Char, 0, 4, true, IsDataLoc: true),
            "__dynamic_array(char)" => new EventField(name, "__dynamic_array", "__data_loc char[]", Char, 0, 4, true, IsDataLoc: true),
            "__bitmask" => new EventField(name, "__bitmask", "__data_loc unsigned long[]", ULong, 0, 4, false, IsDataLoc: true),
            "int" => new EventField(name, "__field", "int", new CType("int", "int", CTypeKind.Integer, 4, 4, true), 0, 4, true),
            "long" => new EventField(name, "__field", "long", new CType("long", "long", CTypeKind.Integer, 8, 8, true), 0, 8, true),
            "u64" => new EventField(name, "__field", "u64", new CType("u64", "unsigned long long", CTypeKind.Integer, 8, 8, false), 0, 8, false),
            _ => new EventField(name, "__field", "unsigned long", ULong, 0, 8, false),
        };
    }
}
