namespace Ltt.Trace.Reader.Metadata;

public sealed partial class TsdlParser
{
    private void ParseTypealias()
    {
        Expect("typealias");
        var type = ParseTypeSpecifier(declaratorFollows: false);
        Expect(":=");
        var (name, aliased) = ParseDeclarator(type, allowMultiWord: true);
        Expect(";");
        Declare(name, aliased);
    }

    private void ParseTypedef()
    {
        Expect("typedef");
        var type = ParseTypeSpecifier(declaratorFollows: true);
        while (true)
        {
            var (name, declared) = ParseDeclarator(type, allowMultiWord: false);
            Declare(name, declared);
            if (!Peek.Is(","))
                break;
            Next();
        }
        Expect(";");
    }

    private CtfType ParseTypeSpecifier(bool declaratorFollows)
    {
        var token = Peek;
        if (token.Kind != TsdlTokenKind.Identifier)
            throw Unexpected("a type");
        switch (token.Text)
        {
            case "integer":
                Next();
                return ParseInteger();
            case "floating_point":
                Next();
                return ParseFloat();
            case "string":
                Next();
                var encoding = CtfEncoding.Utf8;
                if (Peek.Is("{"))
                    ParseAttributes("string", (key, value) =>
                    {
                        if (key == "encoding")
                            encoding = ParseEncoding(RequireText(key, value), value.Line);
                    });
                return new CtfStringType(encoding);
            case "struct":
                Next();
                return ParseStruct();
            case "enum":
                Next();
                return ParseEnum();
            case "variant":
                Next();
                return ParseVariant();
        }
        int start = _pos;
        var words = new List<string>();
        while (Peek.Kind == TsdlTokenKind.Identifier)
            words.Add(Next().Text);
        if (declaratorFollows && words.Count > 1 && !Peek.Is(":="))
        {
            words.RemoveAt(words.Count - 1);
            _pos--;
        }
        string name = string.Join(' ', words);
        if (Lookup(name) is { } found)
            return found;
        // A missing ';' glues two members together: name the spot rather than the glued type.
        for (int k = words.Count - 1; k >= 1; k--)
        {
            if (Lookup(string.Join(' ', words.Take(k))) is not null && k + 1 < words.Count + (declaratorFollows ? 1 : 0))
            {
                var after = _tokens[start + k];
                var next = _tokens[start + k + 1];
                throw new TsdlSyntaxError(after.Line, $"expected ';' after '{after.Text}', found {next}");
            }
        }
        throw new TsdlSyntaxError(_tokens[start].Line, $"unknown type '{name}'");
    }

    private (string Name, CtfType Type) ParseDeclarator(CtfType type, bool allowMultiWord)
    {
        int line = Peek.Line;
        string name = ExpectIdentifier("a name");
        while (allowMultiWord && Peek.Kind == TsdlTokenKind.Identifier)
            name += " " + Next().Text;
        var dimensions = new List<(long Length, string? Path)>();
        while (Peek.Is("["))
        {
            Next();
            if (Peek.Kind == TsdlTokenKind.Number)
            {
                long length = ParseInteger(Next().Text, line);
                if (length < 0)
                    throw new TsdlSyntaxError(line, $"negative array length for '{name}'");
                dimensions.Add((length, null));
            }
            else
            {
                string path = ExpectIdentifier("an array length or a length field");
                while (Peek.Is("."))
                {
                    Next();
                    path += "." + ExpectIdentifier("a field name");
                }
                dimensions.Add((0, path));
            }
            Expect("]");
        }
        for (int i = dimensions.Count - 1; i >= 0; i--)
        {
            type = dimensions[i].Path is { } path
                ? new CtfSequenceType(type, path)
                : new CtfArrayType(type, dimensions[i].Length);
        }
        return (name, type);
    }

    private void ParseAttributes(string what, Action<string, Value> attribute)
    {
        Expect("{");
        while (!Peek.Is("}"))
        {
            if (Peek.Is(";"))
            {
                Next();
                continue;
            }
            int line = Peek.Line;
            string key = ExpectIdentifier($"an attribute of '{what}'");
            Expect("=");
            var value = ParseValue(line);
            Expect(";");
            attribute(key, value);
        }
        Expect("}");
    }

    private CtfIntegerType ParseInteger()
    {
        int line = Peek.Line;
        int size = -1, align = -1, displayBase = 10;
        bool signed = false;
        var byteOrder = CtfByteOrder.Native;
        var encoding = CtfEncoding.None;
        string? clock = null;
        ParseAttributes("integer", (key, value) =>
        {
            switch (key)
            {
                case "size":
                    size = (int)RequireNumber(key, value);
                    break;
                case "align":
                    align = (int)RequireNumber(key, value);
                    break;
                case "signed":
                    signed = value.Number is { } n ? n != 0 : RequireText(key, value) is "true" or "TRUE";
                    break;
                case "byte_order":
                    byteOrder = ParseByteOrder(key, value, allowNative: true);
                    break;
                case "base":
                    displayBase = ParseBase(value);
                    break;
                case "encoding":
                    encoding = ParseEncoding(RequireText(key, value), value.Line);
                    break;
                case "map":
                    string map = RequireText(key, value);
                    string[] parts = map.Split('.');
                    if (parts.Length != 3 || parts[0] != "clock" || parts[2] != "value")
                        throw new TsdlSyntaxError(value.Line, $"bad clock mapping '{map}' (expected clock.NAME.value)");
                    clock = parts[1];
                    break;
            }
        });
        if (size is < 1 or > 64)
            throw new TsdlSyntaxError(line, size < 0 ? "integer without a size" : $"integer size {size} is outside 1..64");
        if (align < 0)
            align = size % 8 == 0 ? 8 : 1;
        if (align <= 0 || (align & (align - 1)) != 0)
            throw new TsdlSyntaxError(line, $"integer alignment {align} is not a power of two");
        return new CtfIntegerType(size, align, signed, byteOrder, displayBase, encoding, clock);
    }

    private static int ParseBase(Value value)
    {
        if (value.Number is { } n)
        {
            return n is 2 or 8 or 10 or 16 ? (int)n : throw new TsdlSyntaxError(value.Line, $"unknown integer base {n}");
        }
        return RequireText("base", value) switch
        {
            "decimal" or "dec" or "d" or "i" or "u" => 10,
            "hexadecimal" or "hex" or "x" or "X" or "p" => 16,
            "octal" or "oct" or "o" => 8,
            "binary" or "bin" or "b" => 2,
            var other => throw new TsdlSyntaxError(value.Line, $"unknown integer base '{other}'"),
        };
    }

    private static CtfEncoding ParseEncoding(string text, int line) => text switch
    {
        "none" => CtfEncoding.None,
        "UTF8" or "utf8" or "UTF-8" => CtfEncoding.Utf8,
        "ASCII" or "ascii" => CtfEncoding.Ascii,
        _ => throw new TsdlSyntaxError(line, $"unknown encoding '{text}'"),
    };

    private CtfFloatType ParseFloat()
    {
        int line = Peek.Line;
        int exp = 0, mant = 0, align = 8;
        var byteOrder = CtfByteOrder.Native;
        ParseAttributes("floating_point", (key, value) =>
        {
            switch (key)
            {
                case "exp_dig":
                    exp = (int)RequireNumber(key, value);
                    break;
                case "mant_dig":
                    mant = (int)RequireNumber(key, value);
                    break;
                case "align":
                    align = (int)RequireNumber(key, value);
                    break;
                case "byte_order":
                    byteOrder = ParseByteOrder(key, value, allowNative: true);
                    break;
            }
        });
        if (!(exp == 8 && mant == 24) && !(exp == 11 && mant == 53))
            throw new TsdlSyntaxError(line, $"floating point with exp_dig {exp} and mant_dig {mant} is not IEEE binary32 or binary64");
        if (align <= 0 || (align & (align - 1)) != 0)
            throw new TsdlSyntaxError(line, $"floating point alignment {align} is not a power of two");
        return new CtfFloatType(exp, mant, align, byteOrder);
    }

    private CtfType ParseStruct()
    {
        int line = Peek.Line;
        string? name = null;
        if (Peek.Kind == TsdlTokenKind.Identifier && !Peek.Is("align"))
            name = Next().Text;
        if (!Peek.Is("{"))
        {
            if (name is null)
                throw Unexpected("'{' or a structure name");
            return Lookup("struct " + name) ?? throw new TsdlSyntaxError(line, $"unknown structure '{name}'");
        }
        var members = ParseMembers("structure");
        int minAlign = 1;
        if (Peek.Is("align"))
        {
            Next();
            Expect("(");
            minAlign = (int)ParseInteger(Next().Text, line);
            Expect(")");
            if (minAlign <= 0 || (minAlign & (minAlign - 1)) != 0)
                throw new TsdlSyntaxError(line, $"structure alignment {minAlign} is not a power of two");
        }
        var type = new CtfStructType(members, minAlign);
        if (name is not null)
            Declare("struct " + name, type);
        return type;
    }

    private List<CtfMember> ParseMembers(string what)
    {
        Expect("{");
        _scopes.Add(new());
        var members = new List<CtfMember>();
        while (!Peek.Is("}"))
        {
            if (Peek.Is(";"))
            {
                Next();
                continue;
            }
            if (Peek.Is("typealias"))
            {
                ParseTypealias();
                continue;
            }
            if (Peek.Is("typedef"))
            {
                ParseTypedef();
                continue;
            }
            int line = Peek.Line;
            var type = ParseTypeSpecifier(declaratorFollows: true);
            while (true)
            {
                var (name, declared) = ParseDeclarator(type, allowMultiWord: false);
                if (members.Any(m => m.Name == name))
                    throw new TsdlSyntaxError(line, $"{what} member '{name}' declared twice");
                members.Add(new CtfMember(name, declared));
                if (!Peek.Is(","))
                    break;
                Next();
            }
            Expect(";");
        }
        Expect("}");
        _scopes.RemoveAt(_scopes.Count - 1);
        return members;
    }

    private CtfType ParseEnum()
    {
        int line = Peek.Line;
        string? name = null;
        if (Peek.Kind == TsdlTokenKind.Identifier)
            name = Next().Text;
        CtfType? container = null;
        if (Peek.Is(":"))
        {
            Next();
            container = ParseTypeSpecifier(declaratorFollows: false);
        }
        if (!Peek.Is("{"))
        {
            if (name is null)
                throw Unexpected("'{' or an enumeration name");
            return Lookup("enum " + name) ?? throw new TsdlSyntaxError(line, $"unknown enumeration '{name}'");
        }
        container ??= Lookup("int") ?? throw new TsdlSyntaxError(line, "enumeration without a container type, and no 'int' type declared");
        if (container is not CtfIntegerType integer)
            throw new TsdlSyntaxError(line, "an enumeration's container must be an integer");
        Expect("{");
        var mappings = new List<CtfEnumMapping>();
        long next = 0;
        while (!Peek.Is("}"))
        {
            int entryLine = Peek.Line;
            string label = Peek.Kind is TsdlTokenKind.Identifier or TsdlTokenKind.String
                ? Next().Text
                : throw Unexpected("an enumerator");
            long lower = next, upper = next;
            if (Peek.Is("="))
            {
                Next();
                lower = upper = RequireNumber(label, ParseValue(entryLine));
                if (Peek.Is("..."))
                {
                    Next();
                    upper = RequireNumber(label, ParseValue(entryLine));
                }
            }
            bool swapped = integer.Signed ? lower > upper : (ulong)lower > (ulong)upper;
            if (swapped)
                throw new TsdlSyntaxError(entryLine, $"enumerator '{label}' has its range reversed");
            mappings.Add(new CtfEnumMapping(label, lower, upper));
            next = upper + 1;
            if (!Peek.Is(","))
                break;
            Next();
        }
        Expect("}");
        var type = new CtfEnumType(integer, mappings);
        if (name is not null)
            Declare("enum " + name, type);
        return type;
    }

    private CtfType ParseVariant()
    {
        int line = Peek.Line;
        string? name = null;
        if (Peek.Kind == TsdlTokenKind.Identifier)
            name = Next().Text;
        string? tag = null;
        if (Peek.Is("<"))
        {
            Next();
            tag = ExpectIdentifier("a tag field");
            while (Peek.Is("."))
            {
                Next();
                tag += "." + ExpectIdentifier("a field name");
            }
            Expect(">");
        }
        if (!Peek.Is("{"))
        {
            if (name is null)
                throw Unexpected("'{' or a variant name");
            var declared = Lookup("variant " + name) as CtfVariantType ?? throw new TsdlSyntaxError(line, $"unknown variant '{name}'");
            return tag is null ? declared : declared.WithTag(tag);
        }
        var options = ParseMembers("variant");
        var type = new CtfVariantType(tag, options);
        if (name is not null)
            Declare("variant " + name, type);
        return type;
    }
}
