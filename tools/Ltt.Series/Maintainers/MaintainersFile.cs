namespace Ltt.Series.Maintainers;

/// <summary>
/// A parsed MAINTAINERS file: the sections in file order and the problems found while
/// reading it. A file with errors is not routed on.
/// </summary>
public sealed record MaintainersFile(string Path, IReadOnlyList<MaintainersSection> Sections, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Count > 0;
}
