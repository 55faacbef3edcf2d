using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Metadata;

/// <summary>One marker of the table: its name, its format and where it is defined or generated from.</summary>
public sealed record MarkerEntry(string Channel, string Name, string Format, MarkerOrigin Origin, SourceLocation Location)
{
    public string FullName => Channel + "." + Name;
}
