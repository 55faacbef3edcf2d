namespace Ltt.Series.Planning;

/// <summary>
/// One series to post: its subsystem, its recipients (people in To:, lists in Cc:), its
/// patches in applying order and the series that must be applied before it.
/// </summary>
public sealed record PlannedSeries(
    int Number,
    string Name,
    IReadOnlyList<string> Sections,
    IReadOnlyList<PlannedPatch> Patches,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<int> DependsOn)
{
    /// <summary>
    /// For each series this one needs (by number), what its patches need from it: the symbols
    /// they use and the files they share ("uses foo", "both change x.c"), in patch order.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> NeedsBecause { get; init; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>The folder the series is written to: its number and a slug of its name.</summary>
    public string Folder => $"{Number:00}-{FileNames.Slug(Name, 40).ToLowerInvariant()}";

    /// <summary>The kinds of its patches in the order infrastructure, new code, instrumentation: "infra+instr".</summary>
    public string Kinds => string.Join("+", Patches.Select(p => p.Kind.Kind).Distinct().OrderByDescending(k => k == Ltt.Series.Kinds.PatchKind.Infrastructure)
        .ThenBy(k => k == Ltt.Series.Kinds.PatchKind.Instrumentation).Select(Ltt.Series.Kinds.KindVerdict.TagOf));
}
