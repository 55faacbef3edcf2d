using System.Globalization;

namespace Ltt.Trace.Reader.Metadata;

/// <summary>
/// Parses CTF 1.8 TSDL text into a <see cref="CtfTraceClass"/>. Syntax and semantic errors come
/// back as diagnostics with the metadata line; parsing stops at the first syntax error.
/// Declarations (<c>typealias</c>, <c>typedef</c>, named struct/enum/variant) are lexically scoped.
/// </summary>
public sealed partial class TsdlParser
{
    private readonly List<TsdlToken> _tokens;
    private readonly string _file;
    private readonly List<TraceDiagnostic> _diagnostics;
    private readonly List<Dictionary<string, CtfType>> _scopes = [new()];
    private int _pos;

    private CtfByteOrder _traceByteOrder = CtfByteOrder.LittleEndian;
    private string? _uuid;
    private int _major = 1;
    private int _minor = 8;
    private CtfStructType? _packetHeader;
    private readonly List<KeyValuePair<string, object>> _environment = [];
    private readonly List<CtfClock> _clocks = [];
    private readonly List<CtfStreamClass> _streams = [];
    private readonly List<CtfEventClass> _events = [];

    private TsdlParser(List<TsdlToken> tokens, string file, List<TraceDiagnostic> diagnostics)
    {
        _tokens = tokens;
        _file = file;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses metadata text; <paramref name="file"/> names it in diagnostics.</summary>
    public static MetadataParseResult Parse(string text, string file = "metadata")
    {
        var diagnostics = new List<TraceDiagnostic>();
        var tokens = TsdlLexer.Tokenize(text, diagnostics, file);
        if (diagnostics.Count > 0)
            return new MetadataParseResult(null, diagnostics);
        var parser = new TsdlParser(tokens, file, diagnostics);
        try
        {
            parser.ParseTopLevel();
        }
        catch (TsdlSyntaxError error)
        {
            diagnostics.Add(new TraceDiagnostic("metadata", file, error.Message, error.Line));
            return new MetadataParseResult(null, diagnostics);
        }
        var trace = parser.Build();
        return new MetadataParseResult(diagnostics.Count == 0 ? trace : null, diagnostics);
    }

    private CtfTraceClass Build()
    {
        foreach (var ev in _events)
        {
            var stream = _streams.FirstOrDefault(s => s.Id == ev.StreamId);
            if (stream is null && _streams.Count == 0 && ev.StreamId == 0)
            {
                stream = new CtfStreamClass(0, null, null, null);
                _streams.Add(stream);
            }
            if (stream is null)
            {
                Error(0, $"event '{ev.Name}' names stream {ev.StreamId}, which is not declared");
                continue;
            }
            if (stream.Events.Any(e => e.Id == ev.Id))
            {
                Error(0, $"event '{ev.Name}' reuses id {ev.Id} in stream {ev.StreamId}");
                continue;
            }
            stream.Events.Add(ev);
        }
        return new CtfTraceClass
        {
            Major = _major,
            Minor = _minor,
            Uuid = _uuid,
            ByteOrder = _traceByteOrder,
            PacketHeader = _packetHeader,
            Environment = _environment,
            Clocks = _clocks,
            Streams = _streams,
        };
    }

    private void Error(int line, string message) => _diagnostics.Add(new TraceDiagnostic("metadata", _file, message, line));

    private void ParseTopLevel()
    {
        while (Peek.Kind != TsdlTokenKind.End)
        {
            var token = Peek;
            if (token.Is(";"))
            {
                _pos++;
                continue;
            }
            if (token.Kind != TsdlTokenKind.Identifier)
                throw Unexpected("a declaration");
            switch (token.Text)
            {
                case "typealias":
                    ParseTypealias();
                    break;
                case "typedef":
                    ParseTypedef();
                    break;
                case "trace":
                    ParseBlock(token.Text, TraceAttribute);
                    break;
                case "env":
                    ParseBlock(token.Text, EnvAttribute);
                    break;
                case "clock":
                    ParseClock();
                    break;
                case "stream":
                    ParseStream();
                    break;
                case "event":
                    ParseEvent();
                    break;
                case "callsite":
                    ParseBlock(token.Text, (_, _) => { });
                    break;
                case "struct" or "enum" or "variant" or "integer" or "floating_point" or "string":
                    ParseTypeSpecifier(declaratorFollows: false);
                    Expect(";");
                    break;
                default:
                    throw Unexpected("a declaration");
            }
        }
    }

    private TsdlToken Peek => _tokens[_pos];

    private TsdlToken Next() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];

    private TsdlToken Expect(string punct)
    {
        if (!Peek.Is(punct))
            throw Unexpected($"'{punct}'");
        return Next();
    }

    private string ExpectIdentifier(string what)
    {
        if (Peek.Kind != TsdlTokenKind.Identifier)
            throw Unexpected(what);
        return Next().Text;
    }

    private TsdlSyntaxError Unexpected(string expected) => new(Peek.Line, $"expected {expected}, found {Peek}");

    private sealed class TsdlSyntaxError(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }

    private void Declare(string name, CtfType type) => _scopes[^1][name] = type;

    private CtfType? Lookup(string name)
    {
        for (int i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var type))
                return type;
        }
        return null;
    }

    private static long ParseInteger(string text, int line)
    {
        string digits = text.TrimEnd('u', 'U', 'l', 'L');
        try
        {
            if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                return (long)ulong.Parse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
                return (long)Convert.ToUInt64(digits[2..], 2);
            if (digits.Length > 1 && digits[0] == '0')
                return (long)Convert.ToUInt64(digits[1..], 8);
            return (long)ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw new TsdlSyntaxError(line, $"bad integer literal '{text}'");
        }
    }
}
