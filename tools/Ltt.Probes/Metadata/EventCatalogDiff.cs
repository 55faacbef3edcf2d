using Ltt.Trace.Layout;

namespace Ltt.Probes.Metadata;

/// <summary>
/// What changed between two <c>events.json</c> (two trees, or a tree before and after a kernel
/// update): events added or removed (by name), an event's id, channel, marker or format, and
/// per field: added, removed, moved, or its kind, size, signedness, alignment, byte order or
/// C type changed. A trace reader built for the old catalog breaks on every line of it.
/// </summary>
public static class EventCatalogDiff
{
    public static IReadOnlyList<CatalogChange> Compare(EventCatalog old, EventCatalog current)
    {
        var changes = new List<CatalogChange>();
        if (old.Arch != current.Arch || old.PointerSize != current.PointerSize || old.ByteOrder != current.ByteOrder)
        {
            changes.Add(new CatalogChange(CatalogChangeKind.Changed, "*", null,
                $"target {old.Arch}/{old.PointerSize}/{old.ByteOrder} -> {current.Arch}/{current.PointerSize}/{current.ByteOrder}"));
        }
        var before = old.Events.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var after = current.Events.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (string name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            if (!after.TryGetValue(name, out var b))
            {
                changes.Add(new CatalogChange(CatalogChangeKind.Removed, name, null, $"id {before[name].Id}"));
                continue;
            }
            if (!before.TryGetValue(name, out var a))
            {
                changes.Add(new CatalogChange(CatalogChangeKind.Added, name, null, $"id {b.Id}"));
                continue;
            }
            CompareEvent(a, b, changes);
        }
        return changes;
    }

    private static void CompareEvent(EventLayout a, EventLayout b, List<CatalogChange> changes)
    {
        void Changed(string? field, string what, object? x, object? y)
        {
            if (!Equals(x, y))
                changes.Add(new CatalogChange(CatalogChangeKind.Changed, a.Name, field, $"{what} {x ?? "none"} -> {y ?? "none"}"));
        }
        Changed(null, "id", a.Id, b.Id);
        Changed(null, "channel", a.Channel, b.Channel);
        Changed(null, "marker", a.Marker, b.Marker);
        Changed(null, "packed", a.Packed, b.Packed);
        var oldFields = a.Fields.Select((f, i) => (f, i)).ToDictionary(p => p.f.Name, StringComparer.Ordinal);
        var newFields = b.Fields.Select((f, i) => (f, i)).ToDictionary(p => p.f.Name, StringComparer.Ordinal);
        foreach (var (f, _) in oldFields.Values.Where(p => !newFields.ContainsKey(p.f.Name)).OrderBy(p => p.i))
            changes.Add(new CatalogChange(CatalogChangeKind.Removed, a.Name, f.Name, Describe(f)));
        foreach (var (f, _) in newFields.Values.Where(p => !oldFields.ContainsKey(p.f.Name)).OrderBy(p => p.i))
            changes.Add(new CatalogChange(CatalogChangeKind.Added, a.Name, f.Name, Describe(f)));
        foreach (var (x, i) in oldFields.Values.OrderBy(p => p.i))
        {
            if (!newFields.TryGetValue(x.Name, out var match))
                continue;
            var y = match.f;
            Changed(x.Name, "position", i, match.i);
            Changed(x.Name, "kind", x.Kind, y.Kind);
            Changed(x.Name, "size", x.Size, y.Size);
            Changed(x.Name, "signedness", x.Signed ? "signed" : "unsigned", y.Signed ? "signed" : "unsigned");
            Changed(x.Name, "alignment", x.Alignment, y.Alignment);
            Changed(x.Name, "byte order", x.ByteOrder, y.ByteOrder);
            Changed(x.Name, "length", x.Length, y.Length);
            Changed(x.Name, "offset", x.Offset, y.Offset);
            Changed(x.Name, "C type", x.CType, y.CType);
        }
    }

    private static string Describe(FieldLayout f) => f.Kind == FieldKind.Integer
        ? $"{(f.Signed ? "signed" : "unsigned")} {f.Size}-byte integer ({f.CType})"
        : $"{f.Kind.ToString().ToLowerInvariant()} ({f.CType})";
}
