using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ltt.Trace.Layout;

/// <summary>
/// Reads and writes <c>events.json</c>. The writer is deterministic: properties in declaration
/// order, camelCase, two-space indent, '\n' line ends, a final newline.
/// </summary>
public static class EventCatalogJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter<ByteOrder>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<FieldKind>(JsonNamingPolicy.KebabCaseLower),
        },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = EventCatalogJsonContext.Default,
    };

    private static JsonTypeInfo<EventCatalog> CatalogInfo => (JsonTypeInfo<EventCatalog>)Options.GetTypeInfo(typeof(EventCatalog));

    public static string Write(EventCatalog catalog) => JsonSerializer.Serialize(catalog, CatalogInfo) + "\n";

    public static bool TryRead(string json, string fileName, [NotNullWhen(true)] out EventCatalog? catalog, [NotNullWhen(false)] out EventCatalogError? error)
    {
        try
        {
            catalog = JsonSerializer.Deserialize(json, CatalogInfo);
            if (catalog is null)
            {
                error = new EventCatalogError(fileName, 1, "the file holds null, not an event catalog");
                return false;
            }
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            catalog = null;
            error = new EventCatalogError(fileName, (ex.LineNumber ?? 0) + 1, Explain(ex));
            return false;
        }
    }

    public static bool TryLoad(string path, [NotNullWhen(true)] out EventCatalog? catalog, [NotNullWhen(false)] out EventCatalogError? error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            catalog = null;
            error = new EventCatalogError(path, 0, Directory.Exists(path) ? "is a folder, not an events.json file"
                : ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message);
            return false;
        }
        return TryRead(text, path, out catalog, out error);
    }

    /// <summary>
    /// System.Text.Json's message in the file's terms: where in the document (its JSON path) and
    /// what is wrong there, without the names of the .NET types behind it.
    /// </summary>
    private static string Explain(JsonException ex)
    {
        string where = ex.Path is null or "$" ? "the document" : ex.Path.TrimStart('$', '.');
        string message = ex.Message.Split(" Path:")[0];
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            int quote = message.IndexOf('\'');
            string property = quote >= 0 ? message[quote..(message.IndexOf('\'', quote + 1) + 1)] : "a property";
            int parent = Math.Max(where.LastIndexOf('.'), where.LastIndexOf('['));
            return $"unknown property {property} in {(parent <= 0 ? "the catalog" : where[..parent])}";
        }
        if (message.Contains("missing required properties including:", StringComparison.Ordinal))
        {
            string names = message[(message.IndexOf("including:", StringComparison.Ordinal) + "including:".Length)..].Trim().TrimEnd('.');
            string what = message.Contains("EventLayout", StringComparison.Ordinal) ? "an event"
                : message.Contains("FieldLayout", StringComparison.Ordinal) ? "a field" : "the catalog";
            return where == "the document" ? $"{what} lacks {names}" : $"{what} at {where} lacks {names}";
        }
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return where == "the document"
                ? "not an events.json: expected an object with arch, pointerSize, byteOrder and events"
                : $"{where}: a value of the wrong kind";
        }
        return message;
    }
}
