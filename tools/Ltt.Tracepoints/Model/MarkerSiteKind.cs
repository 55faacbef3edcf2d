namespace Ltt.Tracepoints.Model;

/// <summary>How a marker appears in the tree.</summary>
public enum MarkerSiteKind
{
    /// <summary>A <c>trace_mark(channel, name, format, ...)</c> call.</summary>
    TraceMark,

    /// <summary>A <c>DEFINE_MARKER(channel, name, format)</c> line.</summary>
    DefineMarker,

    /// <summary>A <c>DEFINE_MARKER_TP(channel, name, tracepoint, probe, format)</c> line.</summary>
    DefineMarkerTp,
}
