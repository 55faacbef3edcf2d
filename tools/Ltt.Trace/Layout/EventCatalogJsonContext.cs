using System.Text.Json.Serialization;

namespace Ltt.Trace.Layout;

/// <summary>
/// The compile-time JSON contract of <c>events.json</c>: the serializer's metadata generated at
/// build time, so reading and writing the catalog needs no reflection (ltt-trace is published
/// ahead of time). The options live in <see cref="EventCatalogJson"/>.
/// </summary>
[JsonSerializable(typeof(EventCatalog))]
internal sealed partial class EventCatalogJsonContext : JsonSerializerContext;
