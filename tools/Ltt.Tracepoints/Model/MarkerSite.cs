using Ltt.Tracepoints.Markers;

namespace Ltt.Tracepoints.Model;

/// <summary>A marker site with its format string, parsed.</summary>
/// <param name="Tracepoint">For DEFINE_MARKER_TP, the tracepoint it connects to.</param>
/// <param name="Probe">For DEFINE_MARKER_TP, the probe function.</param>
public sealed record MarkerSite(
    MarkerSiteKind Kind,
    string Channel,
    string Name,
    string FormatText,
    MarkerFormat Format,
    SourceLocation Location,
    string? Tracepoint = null,
    string? Probe = null);
