using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Write(EventCatalog catalog) => JsonSerializer.Serialize(catalog, Options) + "\n";

    public static bool TryRead(string json, string fileName, [NotNullWhen(true)] out EventCatalog? catalog, [NotNullWhen(false)] out EventCatalogError? error)
    {
        try
        {
            catalog = JsonSerializer.Deserialize<EventCatalog>(json, Options);
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
            error = new EventCatalogError(fileName, (ex.LineNumber ?? 0) + 1, ex.Message.Split(" Path:")[0]);
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
            error = new EventCatalogError(path, 0, ex.Message);
            return false;
        }
        return TryRead(text, path, out catalog, out error);
    }
}
