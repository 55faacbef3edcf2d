namespace Ltt.Probes.Metadata;

/// <summary>Where a marker of the table comes from.</summary>
public enum MarkerOrigin
{
    /// <summary>A <c>trace_mark()</c> call in the tree.</summary>
    TraceMark,

    /// <summary>A <c>DEFINE_MARKER()</c> line in the tree.</summary>
    DefineMarker,

    /// <summary>A <c>DEFINE_MARKER_TP()</c> line in the tree.</summary>
    DefineMarkerTp,

    /// <summary>A marker ltt-gen generates for a tracepoint.</summary>
    Generated,
}
