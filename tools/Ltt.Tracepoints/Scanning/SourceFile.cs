namespace Ltt.Tracepoints.Scanning;

/// <summary>A file of the tree the scan reads, with what a first look at its text says it may hold.</summary>
internal sealed record SourceFile(string Path, string Text, bool MayHaveSites, bool MayHaveMarkers, bool MayCreateTracePoints);
