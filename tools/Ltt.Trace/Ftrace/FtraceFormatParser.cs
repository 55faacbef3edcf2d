using System.Globalization;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Ftrace;

/// <summary>
/// Parses the text files tracefs describes its binary record with: <c>events/header_page</c>
/// (the page layout) and each <c>events/&lt;system&gt;/&lt;event&gt;/format</c> (name, id, fields).
/// Problems become diagnostics naming the file and line; nothing is thrown for bad input.
/// </summary>
public static class FtraceFormatParser
{
    /// <summary>No event record is larger than a ring-buffer sub-buffer (4 KiB pages; up to 1 MiB sub-buffers in later kernels).</summary>
    private const int MaxRecordBytes = 1 << 20;

    /// <summary>Parses <c>events/header_page</c>; null (with diagnostics) when a needed field is missing or malformed.</summary>
    public static FtracePageHeader? ParseHeaderPage(string text, string file, List<TraceDiagnostic> diagnostics)
    {
        int count = diagnostics.Count;
        var fields = new Dictionary<string, FieldLine>(StringComparer.Ordinal);
        int line = 0;
        foreach (string raw in Lines(text))
        {
            line++;
            if (raw.Trim().Length == 0)
                continue;
            if (ParseFieldLine(raw, file, line, diagnostics) is { } field)
                fields.TryAdd(field.Name, field);
        }
        if (diagnostics.Count > count)
            return null;
        FieldLine? Need(string name)
        {
            if (fields.TryGetValue(name, out var f))
                return f;
            diagnostics.Add(new TraceDiagnostic("header-page", file, $"no '{name}' field: not a ring-buffer header_page", Line: 1));
            return null;
        }
        var timestamp = Need("timestamp");
        var commit = Need("commit");
        var data = Need("data");
        if (timestamp is null || commit is null || data is null)
            return null;
        if (timestamp.Size != 8)
            diagnostics.Add(new TraceDiagnostic("header-page", file, $"timestamp is {timestamp.Size} bytes, expected 8", Line: timestamp.Line));
        if (commit.Size is not (4 or 8))
            diagnostics.Add(new TraceDiagnostic("header-page", file, $"commit is {commit.Size} bytes, expected 4 or 8 (a local_t)", Line: commit.Line));
        if (data.Offset < commit.Offset + commit.Size || data.Offset < timestamp.Offset + 8 || data.Size <= 0)
            diagnostics.Add(new TraceDiagnostic("header-page", file, $"data at offset {data.Offset} with size {data.Size} overlaps the page header or is empty", Line: data.Line));
        if (diagnostics.Count > count)
            return null;
        return new FtracePageHeader(timestamp.Offset, commit.Offset, commit.Size, data.Offset, data.Size);
    }

    /// <summary>
    /// Parses one event's <c>format</c> file. <paramref name="system"/> is the directory above the
    /// event's (the file does not name it); <paramref name="longSize"/> sizes <c>long</c> elements of
    /// dynamic arrays. Null (with diagnostics) when the file is not a format file.
    /// </summary>
    public static FtraceEventFormat? ParseEvent(string text, string file, string system, int longSize, List<TraceDiagnostic> diagnostics)
    {
        int count = diagnostics.Count;
        string? name = null;
        int? id = null;
        bool idLine = false;
        string printFormat = "";
        var fields = new List<FtraceField>();
        int line = 0;
        var lines = Lines(text).ToArray();
        foreach (string raw in lines)
        {
            line++;
            string trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed == "format:")
                continue;
            if (trimmed.StartsWith("name:", StringComparison.Ordinal))
            {
                name = trimmed[5..].Trim();
            }
            else if (trimmed.StartsWith("ID:", StringComparison.Ordinal))
            {
                idLine = true;
                if (int.TryParse(trimmed[3..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                    id = value;
                else
                    diagnostics.Add(new TraceDiagnostic("format", file, $"ID '{trimmed[3..].Trim()}' is not a number", Line: line));
            }
            else if (trimmed.StartsWith("print fmt:", StringComparison.Ordinal))
            {
                // The kernel prints the TP_printk text as written, newlines inside its string
                // included (mmap's exit_mmap, 9p's 9p_protocol_dump): the rest of the file is it.
                printFormat = string.Join('\n', lines.Skip(line - 1)).Trim()[10..].Trim();
                break;
            }
            else if (trimmed.StartsWith("field:", StringComparison.Ordinal))
            {
                if (ParseFieldLine(raw, file, line, diagnostics) is { } f && Field(f, file, longSize, diagnostics) is { } field)
                {
                    if (fields.Any(x => x.Name == field.Name))
                        diagnostics.Add(new TraceDiagnostic("format", file, $"field '{field.Name}' is declared twice", Line: line));
                    else
                        fields.Add(field);
                }
            }
            else
            {
                diagnostics.Add(new TraceDiagnostic("format", file, $"unexpected line '{Shorten(trimmed)}' (expected name:, ID:, format:, field: or print fmt:)", Line: line));
            }
        }
        if (name is null)
            diagnostics.Add(new TraceDiagnostic("format", file, "no 'name:' line", Line: 1));
        if (!idLine)
            diagnostics.Add(new TraceDiagnostic("format", file, "no 'ID:' line", Line: 1));
        if (diagnostics.Count > count)
            return null;
        return new FtraceEventFormat(system, name!, id!.Value, fields, printFormat, file);
    }

    /// <summary>The number on a format file's <c>ID:</c> line, or null: what is still known of an event whose format does not parse.</summary>
    public static int? FindId(string text)
    {
        foreach (string raw in Lines(text))
        {
            string trimmed = raw.Trim();
            if (trimmed.StartsWith("ID:", StringComparison.Ordinal))
                return int.TryParse(trimmed[3..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int id) ? id : null;
        }
        return null;
    }

    private sealed record FieldLine(string Declaration, string Name, string Type, string? Brackets, int Offset, int Size, bool? Signed, int Line);

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary>Splits <c>field:DECL;	offset:N;	size:N;	signed:N;</c> and the declaration's name and brackets.</summary>
    private static FieldLine? ParseFieldLine(string raw, string file, int line, List<TraceDiagnostic> diagnostics)
    {
        string? declaration = null;
        int? offset = null, size = null;
        bool? signed = null;
        foreach (string part in raw.Split(';'))
        {
            string item = part.Trim();
            if (item.Length == 0)
                continue;
            int colon = item.IndexOf(':');
            if (colon < 0)
            {
                diagnostics.Add(new TraceDiagnostic("format", file, $"'{Shorten(item)}' is not 'key:value'", Line: line));
                return null;
            }
            string key = item[..colon].Trim(), value = item[(colon + 1)..].Trim();
            switch (key)
            {
                case "field":
                    declaration = value;
                    break;
                case "offset":
                case "size":
                case "signed":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
                    {
                        diagnostics.Add(new TraceDiagnostic("format", file, $"{key} '{Shorten(value)}' is not a number", Line: line));
                        return null;
                    }
                    if (key == "offset")
                        offset = number;
                    else if (key == "size")
                        size = number;
                    else
                        signed = number != 0;
                    break;
                default:
                    // Later kernels may add keys; the ones a reader needs are above.
                    break;
            }
        }
        if (declaration is null || offset is null || size is null)
        {
            diagnostics.Add(new TraceDiagnostic("format", file, "field line lacks field:, offset: or size:", Line: line));
            return null;
        }
        string decl = declaration;
        string? brackets = null;
        if (decl.EndsWith(']'))
        {
            int open = decl.IndexOf('[');
            if (open < 0)
            {
                diagnostics.Add(new TraceDiagnostic("format", file, $"']' without '[' in '{Shorten(declaration)}'", Line: line));
                return null;
            }
            brackets = decl[(open + 1)..^1].Trim();
            decl = decl[..open].TrimEnd();
        }
        int nameStart = decl.Length;
        while (nameStart > 0 && (char.IsAsciiLetterOrDigit(decl[nameStart - 1]) || decl[nameStart - 1] == '_'))
            nameStart--;
        string name = decl[nameStart..];
        string type = decl[..nameStart].Trim();
        if (name.Length == 0 || (type.Length == 0 && !decl.StartsWith("__data_loc", StringComparison.Ordinal)))
        {
            diagnostics.Add(new TraceDiagnostic("format", file, $"cannot find the type and name in '{Shorten(declaration)}'", Line: line));
            return null;
        }
        if ((long)offset.Value + size.Value > MaxRecordBytes)
        {
            diagnostics.Add(new TraceDiagnostic("format", file, $"field '{name}' at offset {offset} with size {size} lies past any ring-buffer record", Line: line));
            return null;
        }
        return new FieldLine(declaration, name, type, brackets, offset.Value, size.Value, signed, line);
    }

    private static FtraceField? Field(FieldLine f, string file, int longSize, List<TraceDiagnostic> diagnostics)
    {
        bool signed = f.Signed ?? !f.Type.Contains("unsigned", StringComparison.Ordinal) && !f.Type.StartsWith('u');
        foreach (var (prefix, kind) in (ReadOnlySpan<(string, FtraceFieldKind)>)[("__data_loc", FtraceFieldKind.DynamicArray), ("__rel_loc", FtraceFieldKind.RelativeDynamicArray)])
        {
            if (!f.Type.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            // "__data_loc char[] name": the element type sits between the keyword and "[]".
            string element = f.Type[prefix.Length..].Trim();
            if (element.EndsWith("[]", StringComparison.Ordinal))
                element = element[..^2].TrimEnd();
            if (f.Size != 4)
            {
                diagnostics.Add(new TraceDiagnostic("format", file, $"{prefix} field '{f.Name}' has size {f.Size}, expected 4", Line: f.Line));
                return null;
            }
            int elementSize = FtraceCTypes.SizeOf(element, longSize);
            // An element type this reader does not know is read as bytes: the data is still all there.
            return new FtraceField(f.Name, element, kind, f.Offset, f.Size, signed, elementSize == 0 ? 1 : elementSize, 0, FtraceCTypes.IsText(element), f.Line);
        }
        if (f.Brackets is null)
        {
            if (f.Size is not (1 or 2 or 4 or 8))
            {
                // A struct copied whole (__field_struct): its bytes, not a number.
                return new FtraceField(f.Name, f.Type, FtraceFieldKind.Array, f.Offset, f.Size, false, 1, f.Size, false, f.Line);
            }
            return new FtraceField(f.Name, f.Type, FtraceFieldKind.Scalar, f.Offset, f.Size, signed, f.Size, 0, false, f.Line);
        }
        bool text = FtraceCTypes.IsText(f.Type);
        if (f.Size == 0)
        {
            int trailingElement = FtraceCTypes.SizeOf(f.Type, longSize);
            return new FtraceField(f.Name, f.Type, FtraceFieldKind.TrailingArray, f.Offset, 0, signed, trailingElement == 0 ? 1 : trailingElement, 0, text, f.Line);
        }
        // The length between the brackets may be an expression (sizeof(struct sockaddr_in6)): the
        // element size then comes from the type, and the length from the size.
        int size = int.TryParse(f.Brackets, NumberStyles.None, CultureInfo.InvariantCulture, out int length) && length > 0 && f.Size % length == 0
            ? f.Size / length
            : FtraceCTypes.SizeOf(f.Type, longSize);
        if (size == 0 || f.Size % size != 0)
            size = 1;
        return new FtraceField(f.Name, f.Type, FtraceFieldKind.Array, f.Offset, f.Size, signed, size, f.Size / size, text, f.Line);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
