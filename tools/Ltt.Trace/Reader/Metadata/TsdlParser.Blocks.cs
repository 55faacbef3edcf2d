namespace Ltt.Trace.Reader.Metadata;

public sealed partial class TsdlParser
{
    /// <summary>The right-hand side of an attribute: a number, a string, an identifier path or a type.</summary>
    private sealed record Value(int Line, long? Number = null, string? Text = null, string? Path = null, CtfType? Type = null)
    {
        public string Describe => Number?.ToString() ?? Text ?? Path ?? "a type";
    }

    private void ParseBlock(string keyword, Action<string, Value> attribute)
    {
        Next();
        Expect("{");
        _scopes.Add(new());
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
            string key = ExpectIdentifier($"an attribute of '{keyword}'");
            while (Peek.Is("."))
            {
                Next();
                key += "." + ExpectIdentifier("an attribute name");
            }
            Value value;
            if (Peek.Is(":="))
            {
                Next();
                value = new Value(line, Type: ParseTypeSpecifier(declaratorFollows: false));
            }
            else
            {
                Expect("=");
                value = ParseValue(line);
            }
            Expect(";");
            attribute(key, value);
        }
        Expect("}");
        _scopes.RemoveAt(_scopes.Count - 1);
        if (Peek.Is(";"))
            Next();
    }

    private Value ParseValue(int line)
    {
        var token = Peek;
        if (token.Is("-") || token.Is("+"))
        {
            Next();
            if (Peek.Kind != TsdlTokenKind.Number)
                throw Unexpected("a number");
            long n = ParseInteger(Next().Text, line);
            return new Value(line, Number: token.Text == "-" ? -n : n);
        }
        if (token.Kind == TsdlTokenKind.Number)
            return new Value(line, Number: ParseInteger(Next().Text, line));
        if (token.Kind == TsdlTokenKind.String)
            return new Value(line, Text: Next().Text);
        if (token.Kind == TsdlTokenKind.Identifier)
        {
            string path = Next().Text;
            while (Peek.Is("."))
            {
                Next();
                path += "." + ExpectIdentifier("an identifier");
            }
            return new Value(line, Path: path);
        }
        throw Unexpected("a value");
    }

    private static long RequireNumber(string key, Value value)
    {
        if (value.Number is { } n)
            return n;
        throw new TsdlSyntaxError(value.Line, $"'{key}' must be a number, found {value.Describe}");
    }

    private static string RequireText(string key, Value value) =>
        value.Text ?? value.Path ?? throw new TsdlSyntaxError(value.Line, $"'{key}' must be a string, found {value.Describe}");

    private static CtfStructType RequireStruct(string key, Value value) =>
        value.Type as CtfStructType ?? throw new TsdlSyntaxError(value.Line, $"'{key}' must be a structure");

    private static CtfByteOrder ParseByteOrder(string key, Value value, bool allowNative)
    {
        string text = RequireText(key, value);
        return text switch
        {
            "le" or "little" => CtfByteOrder.LittleEndian,
            "be" or "big" or "network" => CtfByteOrder.BigEndian,
            "native" when allowNative => CtfByteOrder.Native,
            _ => throw new TsdlSyntaxError(value.Line, $"unknown byte order '{text}'"),
        };
    }

    private void TraceAttribute(string key, Value value)
    {
        switch (key)
        {
            case "major":
                _major = (int)RequireNumber(key, value);
                if (_major != 1)
                    Error(value.Line, $"CTF major version {_major} is not supported (1.8 is)");
                break;
            case "minor":
                _minor = (int)RequireNumber(key, value);
                break;
            case "uuid":
                _uuid = RequireText(key, value);
                if (!Guid.TryParse(_uuid, out _))
                    Error(value.Line, $"bad trace uuid '{_uuid}'");
                break;
            case "byte_order":
                _traceByteOrder = ParseByteOrder(key, value, allowNative: false);
                break;
            case "packet.header":
                _packetHeader = RequireStruct(key, value);
                break;
        }
    }

    private void EnvAttribute(string key, Value value)
    {
        object item = value.Number is { } n ? n : RequireText(key, value);
        _environment.RemoveAll(e => e.Key == key);
        _environment.Add(new(key, item));
    }

    private void ParseClock()
    {
        string? name = null;
        ulong frequency = 1_000_000_000;
        long offsetSeconds = 0, offset = 0;
        ulong precision = 0;
        bool absolute = false;
        string? uuid = null, description = null;
        int line = Peek.Line;
        ParseBlock("clock", (key, value) =>
        {
            switch (key)
            {
                case "name":
                    name = RequireText(key, value);
                    break;
                case "freq":
                    long f = RequireNumber(key, value);
                    if (f <= 0)
                        throw new TsdlSyntaxError(value.Line, $"clock frequency must be positive, found {f}");
                    frequency = (ulong)f;
                    break;
                case "offset_s":
                    offsetSeconds = RequireNumber(key, value);
                    break;
                case "offset":
                    offset = RequireNumber(key, value);
                    break;
                case "precision":
                    precision = (ulong)RequireNumber(key, value);
                    break;
                case "absolute":
                    absolute = value.Path is "true" || value.Number is 1;
                    break;
                case "uuid":
                    uuid = RequireText(key, value);
                    break;
                case "description":
                    description = RequireText(key, value);
                    break;
            }
        });
        if (name is null)
        {
            Error(line, "clock without a name");
            return;
        }
        // Keep the cycle offset below one second, as babeltrace2 does.
        if (offset >= (long)frequency)
        {
            offsetSeconds += offset / (long)frequency;
            offset %= (long)frequency;
        }
        _clocks.Add(new CtfClock(name, frequency, offsetSeconds, offset, uuid, description, precision, absolute));
    }

    private void ParseStream()
    {
        long id = 0;
        CtfStructType? packetContext = null, eventHeader = null, eventContext = null;
        int line = Peek.Line;
        ParseBlock("stream", (key, value) =>
        {
            switch (key)
            {
                case "id":
                    id = RequireNumber(key, value);
                    break;
                case "packet.context":
                    packetContext = RequireStruct(key, value);
                    break;
                case "event.header":
                    eventHeader = RequireStruct(key, value);
                    break;
                case "event.context":
                    eventContext = RequireStruct(key, value);
                    break;
            }
        });
        if (_streams.Any(s => s.Id == id))
        {
            Error(line, $"stream id {id} declared twice");
            return;
        }
        _streams.Add(new CtfStreamClass(id, packetContext, eventHeader, eventContext));
    }

    private void ParseEvent()
    {
        long id = 0, streamId = 0;
        string? name = null;
        int? logLevel = null;
        string? emf = null;
        CtfStructType? context = null, payload = null;
        int line = Peek.Line;
        ParseBlock("event", (key, value) =>
        {
            switch (key)
            {
                case "name":
                    name = RequireText(key, value);
                    break;
                case "id":
                    id = RequireNumber(key, value);
                    break;
                case "stream_id":
                    streamId = RequireNumber(key, value);
                    break;
                case "loglevel":
                    logLevel = (int)RequireNumber(key, value);
                    break;
                case "model.emf.uri":
                    emf = RequireText(key, value);
                    break;
                case "context":
                    context = RequireStruct(key, value);
                    break;
                case "fields":
                    payload = RequireStruct(key, value);
                    break;
            }
        });
        if (name is null)
        {
            Error(line, "event without a name");
            return;
        }
        _events.Add(new CtfEventClass(id, name, streamId, context, payload, logLevel, emf));
    }
}
