namespace Ltt.Probes.Metadata;

/// <summary>How an event or a field differs between two catalogs.</summary>
public enum CatalogChangeKind
{
    Added,
    Removed,
    Changed,
}
