using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Ltt.Trace.Reader;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// <c>not-recorded.json</c>: the generator's "field not recorded" warnings as data, one object per
/// field (<c>event</c>, <c>field</c>, <c>reason</c>, <c>source</c>), and the reading of those
/// warnings from the generator's diagnostic text.
/// </summary>
public static partial class NotRecordedFieldsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = NotRecordedFieldsJsonContext.Default,
    };

    private static JsonTypeInfo<List<NotRecordedField>> ListInfo => (JsonTypeInfo<List<NotRecordedField>>)Options.GetTypeInfo(typeof(List<NotRecordedField>));

    public static string Write(IEnumerable<NotRecordedField> fields) => JsonSerializer.Serialize(fields.ToList(), ListInfo) + "\n";

    /// <summary>Reads the file; false with a diagnostic naming the file and line when it is not such a list.</summary>
    public static bool TryLoad(string path, [NotNullWhen(true)] out IReadOnlyList<NotRecordedField>? fields, [NotNullWhen(false)] out TraceDiagnostic? error)
    {
        fields = null;
        try
        {
            fields = JsonSerializer.Deserialize(File.ReadAllText(path), ListInfo);
            if (fields is null)
            {
                error = new TraceDiagnostic("not-recorded", path, "the file holds null, not a list of fields", Line: 1);
                return false;
            }
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = new TraceDiagnostic("not-recorded", path, ex.Message.Split(" Path:")[0], Line: (ex.LineNumber ?? 0) + 1);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = new TraceDiagnostic("not-recorded", path, ex.Message);
            return false;
        }
    }

    /// <summary>
    /// The field of a generator warning <c>&lt;event&gt;: field '&lt;field&gt;' not recorded: &lt;reason&gt;</c>
    /// (what <c>ltt-gen probes</c> prints after the site's location), or null for any other message.
    /// </summary>
    public static NotRecordedField? FromWarning(string message, string? source)
    {
        var m = WarningPattern().Match(message);
        return m.Success ? new NotRecordedField(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, source) : null;
    }

    [GeneratedRegex(@"^(\w+): field '(\w+)' not recorded: (.*)$", RegexOptions.Singleline)]
    private static partial Regex WarningPattern();
}
