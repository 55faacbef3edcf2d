namespace Ltt.Tracepoints.Markers;

/// <summary>Why a marker format string did not parse, and at which character (0-based).</summary>
public sealed record MarkerFormatError(int Offset, string Message)
{
    public override string ToString() => $"column {Offset + 1}: {Message}";
}
