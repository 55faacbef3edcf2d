using System.Diagnostics.CodeAnalysis;

namespace Ltt.Tracepoints.Markers;

/// <summary>
/// A marker format string of the LTTng 0.105 probe metadata, parsed: the contract between a
/// probe and the trace reader. Each field is <c>name %ctype</c> or <c>name #tracetype %ctype</c>
/// (the trace type may touch the conversion: <c>prev_state #2d%ld</c>). An empty string is a
/// marker with no payload.
/// </summary>
public sealed class MarkerFormat : IEquatable<MarkerFormat>
{
    private static readonly string LengthModifiers = "hlLqjzZt";
    private static readonly string Conversions = "diouxXcsp";

    private MarkerFormat(IReadOnlyList<MarkerField> fields) => Fields = fields;

    public IReadOnlyList<MarkerField> Fields { get; }

    public static MarkerFormat Empty { get; } = new([]);

    public static MarkerFormat Create(IEnumerable<MarkerField> fields) => new(fields.ToArray());

    public static bool TryParse(string text, [NotNullWhen(true)] out MarkerFormat? format, [NotNullWhen(false)] out MarkerFormatError? error)
    {
        var fields = new List<MarkerField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        format = null;
        while (true)
        {
            SkipSpaces(text, ref i);
            if (i >= text.Length)
                break;

            int nameStart = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                i++;
            if (i == nameStart)
            {
                error = new MarkerFormatError(i, $"expected a field name, found '{text[i]}'");
                return false;
            }
            string name = text[nameStart..i];
            if (!names.Add(name))
            {
                error = new MarkerFormatError(nameStart, $"field '{name}' appears twice");
                return false;
            }
            if (i >= text.Length || text[i] != ' ')
            {
                error = new MarkerFormatError(i, $"expected a space and a type after field '{name}'");
                return false;
            }
            SkipSpaces(text, ref i);

            TraceType? traceType = null;
            if (i < text.Length && text[i] == '#')
            {
                if (!TryParseTraceType(text, ref i, out traceType, out error))
                    return false;
                SkipSpaces(text, ref i);
            }

            if (i >= text.Length || text[i] != '%')
            {
                error = new MarkerFormatError(i, $"expected a '%' conversion for field '{name}'");
                return false;
            }
            if (!TryParseConversion(text, ref i, out string? conversion, out error))
                return false;
            if (traceType is not null && conversion[^1] is 's')
            {
                error = new MarkerFormatError(i - 1, $"field '{name}': a string takes no trace type");
                return false;
            }
            fields.Add(new MarkerField(name, traceType, conversion));
        }
        format = new MarkerFormat(fields);
        error = null;
        return true;
    }

    public static MarkerFormat Parse(string text) =>
        TryParse(text, out var format, out var error)
            ? format
            : throw new FormatException($"marker format \"{text}\": {error}");

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
            i++;
    }

    private static bool TryParseTraceType(string text, ref int i, out TraceType? traceType, [NotNullWhen(false)] out MarkerFormatError? error)
    {
        i++;
        bool network = false;
        while (i < text.Length && text[i] == 'n')
        {
            network = true;
            i++;
        }
        traceType = null;
        if (i >= text.Length || text[i] is not ('1' or '2' or '4' or '8'))
        {
            error = new MarkerFormatError(i, "trace type needs a size of 1, 2, 4 or 8 bytes");
            return false;
        }
        int size = text[i++] - '0';
        if (i >= text.Length || text[i] is not ('u' or 'd'))
        {
            error = new MarkerFormatError(i, "trace type needs 'u' (unsigned) or 'd' (signed) after its size");
            return false;
        }
        bool signed = text[i++] == 'd';
        traceType = new TraceType(size, signed, network);
        error = null;
        return true;
    }

    private static bool TryParseConversion(string text, ref int i, [NotNullWhen(true)] out string? conversion, [NotNullWhen(false)] out MarkerFormatError? error)
    {
        int start = ++i;
        while (i < text.Length && "-+#0".Contains(text[i]))
            i++;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            i++;
        while (i < text.Length && LengthModifiers.Contains(text[i]))
            i++;
        conversion = null;
        if (i >= text.Length || !Conversions.Contains(text[i]))
        {
            error = new MarkerFormatError(i, i >= text.Length ? "conversion ends early" : $"unknown conversion '%{text[start..(i + 1)]}'");
            return false;
        }
        i++;
        conversion = text[start..i];
        error = null;
        return true;
    }

    /// <summary>The canonical text: fields separated by one space, trace types touching the conversion.</summary>
    public override string ToString() => string.Join(' ', Fields);

    public bool Equals(MarkerFormat? other) => other is not null && Fields.SequenceEqual(other.Fields);

    public override bool Equals(object? obj) => Equals(obj as MarkerFormat);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var field in Fields)
            hash.Add(field);
        return hash.ToHashCode();
    }
}
