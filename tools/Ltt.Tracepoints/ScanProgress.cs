namespace Ltt.Tracepoints;

/// <summary>How far a scan has come: files done out of files to do, and the file just finished.</summary>
public sealed record ScanProgress(int Done, int Total, string File, int SitesSoFar);
