using System.Text.Json.Serialization;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>The compile-time JSON contract of <c>not-recorded.json</c> (no reflection: ltt-trace is published ahead of time); the options live in <see cref="NotRecordedFieldsJson"/>.</summary>
[JsonSerializable(typeof(List<NotRecordedField>))]
internal sealed partial class NotRecordedFieldsJsonContext : JsonSerializerContext;
