using System.Diagnostics.CodeAnalysis;

namespace Ltt.Tracepoints.Markers;

/// <summary>
/// A marker format string of the LTTng 0.105 probe metadata, parsed: the contract between a
/// probe and the trace reader. An empty string is a marker with no payload. Fields, separated
/// by spaces:
/// <code>
/// name %conv                    the C value passed, recorded with its own size
/// name #tracetype %conv         recorded as #1u #2u #4u #8u (unsigned) or #1d..#8d (signed),
///                               'n' for network byte order (#n4u); may touch the conversion
/// name #tracetype[N] %conv      a fixed array of N elements (1..65535), each a #tracetype
/// name #tracetype[] %conv       a sequence: a 32-bit unsigned element count, aligned on 4
///                               bytes, then that many #tracetype elements
/// </code>
/// Each field sits at its natural alignment (an array's or a sequence's elements at the
/// element's), capped at the pointer size, unless the channel is packed. For arrays and
/// sequences the conversion is one element's (<c>cmd #1u[] %hhu</c>). A generated probe
/// records at most <see cref="SequenceMaxBytes"/> bytes of a sequence's elements: a longer one
/// is cut, and its count says how many elements were recorded. <c>%s</c> is a NUL-terminated
/// string (at most 127 characters from a probe) and takes no trace type.
/// </summary>
public sealed class MarkerFormat : IEquatable<MarkerFormat>
{
    private static readonly string LengthModifiers = "hlLqjzZt";
    private static readonly string Conversions = "diouxXcsp";

    /// <summary>The most element bytes a generated probe records for one sequence.</summary>
    public const int SequenceMaxBytes = 256;

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
            MarkerArray? array = null;
            if (i < text.Length && text[i] == '[')
            {
                error = new MarkerFormatError(i, $"field '{name}': an array or sequence needs a trace type before '[' (#1u[4], #4d[])");
                return false;
            }
            if (i < text.Length && text[i] == '#')
            {
                if (!TryParseTraceType(text, ref i, out traceType, out error))
                    return false;
                if (i < text.Length && text[i] == '[' && !TryParseArray(text, ref i, out array, out error))
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
            fields.Add(new MarkerField(name, traceType, conversion, array));
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

    /// <summary><c>[N]</c> or <c>[]</c>, right after a trace type.</summary>
    private static bool TryParseArray(string text, ref int i, out MarkerArray? array, [NotNullWhen(false)] out MarkerFormatError? error)
    {
        int open = i++;
        array = null;
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i >= text.Length || text[i] != ']')
        {
            error = new MarkerFormatError(i, i >= text.Length
                ? $"the '[' at column {open + 1} is never closed"
                : $"an array length is a number of elements, found '{text[i]}'");
            return false;
        }
        if (i == start)
        {
            i++;
            array = new MarkerArray(null);
            error = null;
            return true;
        }
        string digits = text[start..i];
        if (digits.Length > 5 || int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > MarkerArray.MaxLength)
        {
            error = new MarkerFormatError(start, $"an array has 1 to {MarkerArray.MaxLength} elements, not {digits}");
            return false;
        }
        i++;
        array = new MarkerArray(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
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

    /// <summary>The canonical text: fields separated by one space, trace types touching the conversion (an array's or sequence's separated by one space).</summary>
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
