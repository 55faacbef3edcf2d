namespace Ltt.Tracepoints.Model;

/// <summary>What a scan of a tree found: every site, every marker, and what could not be resolved.</summary>
public sealed record ScanResult(
    IReadOnlyList<TracepointSite> Sites,
    IReadOnlyList<MarkerSite> Markers,
    IReadOnlyList<ScanDiagnostic> Diagnostics)
{
    /// <summary>The sites found but not resolved, each with where and why (also reported in <see cref="Diagnostics"/>).</summary>
    public IReadOnlyList<UnresolvedSite> Unresolved { get; init; } = [];

    /// <summary>Trace headers of the tree that the target architecture's build never compiles, left out unparsed.</summary>
    public IReadOnlyList<LeftOutHeader> LeftOut { get; init; } = [];

    /// <summary>How many files were parsed to produce this result.</summary>
    public int FilesParsed { get; init; }

    /// <summary>True when the scan was asked something wrong (<see cref="ScanDiagnostic.IsInputError"/>), not only when the tree has sites that do not resolve.</summary>
    public bool HasInputErrors => Diagnostics.Any(d => d.IsInputError);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The sites of each macro resolved, forced, unresolved and left out, by macro name.</summary>
    public IReadOnlyList<MacroCount> CountsPerMacro()
    {
        var resolved = Sites.GroupBy(s => s.Macro).ToDictionary(g => g.Key, g => (All: g.Count(), Forced: g.Count(s => s.ForcedConfig.Count > 0)));
        var unresolved = Unresolved.GroupBy(s => s.Macro).ToDictionary(g => g.Key, g => g.Count());
        var leftOut = LeftOut.SelectMany(h => h.SitesPerMacro).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        return resolved.Keys.Union(unresolved.Keys).Union(leftOut.Keys).Order(StringComparer.Ordinal)
            .Select(m => new MacroCount(m, resolved.GetValueOrDefault(m).All, resolved.GetValueOrDefault(m).Forced,
                unresolved.GetValueOrDefault(m), leftOut.GetValueOrDefault(m)))
            .ToList();
    }
}
