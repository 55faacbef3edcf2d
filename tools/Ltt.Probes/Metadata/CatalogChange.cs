namespace Ltt.Probes.Metadata;

/// <summary>One difference between two <c>events.json</c>: the event, the field (or null for the event itself), and what changed.</summary>
public sealed record CatalogChange(CatalogChangeKind Kind, string Event, string? Field, string Detail)
{
    public override string ToString()
    {
        string what = Kind switch
        {
            CatalogChangeKind.Added => "added",
            CatalogChangeKind.Removed => "removed",
            _ => "changed",
        };
        string subject = Field is null ? $"event {Event}" : $"event {Event} field {Field}";
        return Detail.Length == 0 ? $"{subject}: {what}" : $"{subject}: {what}: {Detail}";
    }
}
