namespace Ltt.Series.Maintainers;

/// <summary>A MAINTAINERS section: its title line and its tagged entries in file order.</summary>
public sealed record MaintainersSection(string Name, int Line, IReadOnlyList<MaintainersEntry> Entries)
{
    /// <summary>The position of the section in the file (0 for the first section).</summary>
    public int Index { get; init; }

    public IEnumerable<MaintainersEntry> Tagged(char tag) => Entries.Where(e => e.Tag == tag);

    /// <summary>The <c>S:</c> value, or an empty string when the section has none.</summary>
    public string Status => Entries.LastOrDefault(e => e.Tag == 'S')?.Value ?? "";
}
